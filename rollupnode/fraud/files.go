package fraud

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Write stores r in dir as r.FileName() and returns the file's path. The
// file appears whole or not at all (temporary file, fsync, rename, fsync
// of the directory): a crash while writing cannot leave a half report that
// would stop the node from starting.
func Write(dir string, r *Report) (string, error) {
	if err := r.Validate(); err != nil {
		return "", fmt.Errorf("fraud report: %w", err)
	}
	bz, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("fraud report: %w", err)
	}
	path := filepath.Join(dir, r.FileName())
	tmp, err := os.CreateTemp(dir, "."+r.FileName()+".tmp-*")
	if err != nil {
		return "", fmt.Errorf("fraud report: %w", err)
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	if _, err := tmp.Write(append(bz, '\n')); err != nil {
		_ = tmp.Close()
		return "", fmt.Errorf("fraud report: writing %s: %w", tmp.Name(), err)
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return "", fmt.Errorf("fraud report: syncing %s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("fraud report: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", fmt.Errorf("fraud report: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // make the rename durable; not every filesystem supports it
		_ = d.Close()
	}
	return path, nil
}

// Load reads and validates the report at path.
func Load(path string) (*Report, error) {
	bz, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r Report
	if err := json.Unmarshal(bz, &r); err != nil {
		return nil, fmt.Errorf("fraud report %s: %w", path, err)
	}
	if err := r.Validate(); err != nil {
		return nil, fmt.Errorf("fraud report %s: %w", path, err)
	}
	return &r, nil
}

// List loads every report (*.json) in dir, oldest detection first. A
// missing dir holds no reports. A file that does not load is an error
// rather than skipped: a report is what keeps a node from following a
// fraudulent sequencer, so it must not be ignored quietly.
func List(dir string) ([]*Report, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("listing fraud reports: %w", err)
	}
	var reports []*Report
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		r, err := Load(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		reports = append(reports, r)
	}
	sort.SliceStable(reports, func(i, j int) bool {
		if !reports[i].DetectedAt.Equal(reports[j].DetectedAt) {
			return reports[i].DetectedAt.Before(reports[j].DetectedAt)
		}
		return reports[i].FileName() < reports[j].FileName()
	})
	return reports, nil
}
