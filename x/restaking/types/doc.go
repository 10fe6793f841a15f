// Package types holds x/restaking's stateless side: targets, share math,
// slash fractions, user preferences, params, Msgs, hooks, store prefixes,
// registered errors and the interfaces it expects. It must not touch a
// store.
package types
