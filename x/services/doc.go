// Package services is the module in which actively validated services
// (AVSs) register and manage themselves. See README.md.
package services
