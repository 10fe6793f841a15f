// Package types holds x/operators' stateless side: the Operator model and
// its status, commission params and their bounds, params, Msgs, hooks,
// store prefixes, registered errors and the interfaces it expects. It must
// not touch a store.
package types
