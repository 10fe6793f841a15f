// Package types holds x/prices' stateless side: price posts and their
// validation, the median, params, Msgs, store prefixes, registered errors
// and the interfaces it expects. It must not touch a store.
package types
