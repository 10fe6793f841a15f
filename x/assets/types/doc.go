// Package types holds x/assets' stateless side: the Asset model and its
// validation, Msgs, store prefixes, registered errors and the narrow
// interfaces it expects. It must not touch a store.
package types
