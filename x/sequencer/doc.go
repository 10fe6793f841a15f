// Package sequencer is the module that records the rollup's sequencer and
// reports it as the chain's only validator at genesis. See README.md.
package sequencer
