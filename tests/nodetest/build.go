package nodetest

import (
	"os"
	"os/exec"
	"path/filepath"
)

// BuildMilkywayd builds cmd/milkywayd into a new temp dir whose name starts
// with prefix, for a TestMain; remove deletes the dir.
func BuildMilkywayd(prefix string) (binary string, remove func(), err error) {
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		return "", nil, err
	}
	binary = filepath.Join(dir, "milkywayd")
	build := exec.Command("go", "build", "-o", binary, "github.com/milkyway-labs/milkyway-rollup/cmd/milkywayd")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		_ = os.RemoveAll(dir)
		return "", nil, err
	}
	return binary, func() { _ = os.RemoveAll(dir) }, nil
}
