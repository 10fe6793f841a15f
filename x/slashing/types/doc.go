// Package types holds x/slashing's stateless side: fault kinds and rules,
// evidence and header verification, signing bytes, params, Msgs, store
// prefixes, registered errors and the interfaces it expects. It must not
// touch a store.
package types
