// Package lane is the forced-inclusion lane (docs/adr/004-forced-inclusion.md):
// transactions anyone posts as blobs to the lane's DA namespace, which the
// sequencer must put into a block posted by a deadline.
//
// It owns the deterministic rule every node applies to the lane's blobs
// (Admission: which blobs are forced transactions, in DA order, within the
// epoch byte budget), the sequencer's side (Follower reads the lane, Queue
// hands the due transactions to PrepareProposal ahead of the mempool) and
// the full node's side (Tracker finds a forced transaction left out past its
// deadline). It must not decide anything from local time or local state
// that another node could see differently: only DA heights, blob bytes and
// the committed chain.
package lane
