// Package types holds x/rewards' stateless side: the RewardsPlan model and
// its distributions, params, Msgs, store prefixes, registered errors and
// the interfaces it expects. It must not touch a store.
package types
