package lint

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestEveryPackageSaysWhatItOwns: every Go package in the tree has a
// README.md or a package comment (in doc.go, or in the file that holds the
// package's main type), so a newcomer opening a folder learns what it owns
// and what it must not do before reading its code.
func TestEveryPackageSaysWhatItOwns(t *testing.T) {
	var missing []string
	fset := token.NewFileSet()
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		switch d.Name() {
		case ".git", "node_modules", "vendor", "testdata":
			return filepath.SkipDir
		}
		files, err := filepath.Glob(filepath.Join(path, "*.go"))
		if err != nil || len(files) == 0 {
			return err
		}
		if _, err := os.Stat(filepath.Join(path, "README.md")); err == nil {
			return nil
		}
		for _, f := range files {
			if strings.Contains(f, ".pb.") {
				continue
			}
			file, err := parser.ParseFile(fset, f, nil, parser.PackageClauseOnly|parser.ParseComments)
			if err != nil {
				return err
			}
			if file.Doc != nil {
				return nil
			}
		}
		missing = append(missing, strings.TrimPrefix(path, "../../"))
		return nil
	})
	require.NoError(t, err)
	require.Empty(t, missing, "packages with neither a README.md nor a package comment (add a doc.go):\n%s", strings.Join(missing, "\n"))
}
