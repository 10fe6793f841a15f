package cmd

import (
	"github.com/milkyway-labs/milkyway-rollup/app"
)

// recoverableApp adapts the app to sequencer.App.
type recoverableApp struct{ *app.App }

// LastCommitID returns the last committed height and app hash.
func (a recoverableApp) LastCommitID() (int64, []byte) {
	id := a.CommitMultiStore().LastCommitID()
	return id.Version, id.Hash
}

// RollbackToHeight deletes the app's state above height.
func (a recoverableApp) RollbackToHeight(height int64) error {
	return a.CommitMultiStore().RollbackToVersion(height)
}
