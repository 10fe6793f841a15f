// Package types holds x/liquidvesting's stateless side: the locked/{denom}
// naming, the insurance deposit memo, params, Msgs, store prefixes,
// registered errors and the interfaces it expects. It must not touch a
// store.
package types
