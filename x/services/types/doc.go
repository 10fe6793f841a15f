// Package types holds x/services' stateless side: the Service model and its
// status, metadata limits, params, Msgs, hooks, store prefixes, registered
// errors and the interfaces it expects. It must not touch a store.
package types
