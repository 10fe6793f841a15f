// Package types holds the restake-on-arrival middleware's stateless side:
// the memo schema and its parser, the receiver denom, the error
// acknowledgement, registered errors (whose codes travel in acks, so they
// are never renumbered) and the x/restaking interface it delegates through.
// It must not touch a store: the middleware has none.
package types
