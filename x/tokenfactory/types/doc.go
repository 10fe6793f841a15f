// Package types holds x/tokenfactory's stateless side: factory denom naming
// and parsing, the authority metadata, params, Msgs, events, store
// prefixes, registered errors and the interfaces it expects. It must not
// touch a store.
package types
