// Package operators is the module of restaking operators: registration with
// bounded commission, metadata, ownership transfer, a timed deactivation
// queue completed in BeginBlock, and guarded deletion. See README.md.
package operators
