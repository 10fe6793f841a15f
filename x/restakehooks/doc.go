// Package restakehooks is the restake-on-arrival ICS-20 middleware: a
// transfer whose memo is {"restake": {...}} is credited to its receiver and
// delegated in the receiver's name through x/restaking, in the same packet,
// or refused with an error acknowledgement (the source chain refunds). It
// has no store and no Msgs. See README.md.
package restakehooks
