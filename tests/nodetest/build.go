package nodetest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// BuildMilkywayd builds cmd/milkywayd into a new temp dir whose name starts
// with prefix, for a TestMain; remove deletes the dir. Build tags (e.g.
// censortest, for a sequencer that misbehaves on purpose) are passed on,
// with those in $MILKYWAYD_TAGS (make bench-sustained passes the release
// build's BUILD_TAGS, so the benchmark measures the binary users run).
func BuildMilkywayd(prefix string, tags ...string) (binary string, remove func(), err error) {
	for _, tag := range strings.Split(os.Getenv("MILKYWAYD_TAGS"), ",") {
		if tag = strings.TrimSpace(tag); tag != "" {
			tags = append(tags, tag)
		}
	}
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		return "", nil, err
	}
	binary = filepath.Join(dir, "milkywayd")
	args := []string{"build", "-o", binary}
	if len(tags) > 0 {
		args = append(args, "-tags", strings.Join(tags, ","))
	}
	build := exec.Command("go", append(args, "github.com/milkyway-labs/milkyway-rollup/cmd/milkywayd")...)
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		_ = os.RemoveAll(dir)
		return "", nil, err
	}
	return binary, func() { _ = os.RemoveAll(dir) }, nil
}
