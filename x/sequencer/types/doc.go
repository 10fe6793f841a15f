// Package types holds x/sequencer's stateless side: the Sequencer model and
// its key checks, genesis, store prefixes and registered errors. It must
// not touch a store.
package types
