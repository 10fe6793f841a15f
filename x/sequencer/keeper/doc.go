// Package keeper owns x/sequencer's one record: the sequencer and its
// consensus key. InitGenesis reports it as the chain's only validator.
//
// It must not return validator updates after genesis: rollkit halts on any
// change of the validator set.
package keeper
