// Package types holds x/pools' stateless side: the Pool model, its account
// derivation, store prefixes, registered errors, hooks and the interfaces it
// expects. It must not touch a store.
package types
