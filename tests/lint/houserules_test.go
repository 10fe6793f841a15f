// Package lint holds the house rules of the state machine, written as tests
// so they run with `make test`.
package lint

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// forbiddenImports are non-deterministic or unregistered-error sources that
// must not appear in state-machine code.
var forbiddenImports = map[string]string{
	"math/rand":    "randomness differs between nodes; derive it from block data",
	"math/rand/v2": "randomness differs between nodes; derive it from block data",
	"os":           "state machines must not read the environment",
}

// TestStateMachineRules walks x/ (non-test, non-generated files) and
// rejects wall-clock time, randomness, floats and fmt.Errorf in msg servers:
// each makes nodes disagree or hides an error code from clients.
func TestStateMachineRules(t *testing.T) {
	var problems []string
	fset := token.NewFileSet()
	err := filepath.WalkDir("../../x", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") ||
			strings.HasSuffix(path, "_test.go") || strings.Contains(path, ".pb.") {
			return err
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		for _, imp := range file.Imports {
			p := strings.Trim(imp.Path.Value, `"`)
			if why, bad := forbiddenImports[p]; bad {
				problems = append(problems, fset.Position(imp.Pos()).String()+": imports "+p+": "+why)
			}
		}
		isMsgServer := strings.Contains(filepath.Base(path), "msg_")
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if id, ok := n.X.(*ast.Ident); ok {
					if id.Name == "time" && n.Sel.Name == "Now" {
						problems = append(problems, fset.Position(n.Pos()).String()+": time.Now: use the block time from the context")
					}
					if isMsgServer && id.Name == "fmt" && n.Sel.Name == "Errorf" {
						problems = append(problems, fset.Position(n.Pos()).String()+": fmt.Errorf in a msg server: wrap a registered error")
					}
				}
			case *ast.Ident:
				if n.Name == "float32" || n.Name == "float64" {
					problems = append(problems, fset.Position(n.Pos()).String()+": "+n.Name+": use sdkmath.LegacyDec or integers")
				}
			}
			return true
		})
		return nil
	})
	require.NoError(t, err)
	require.Empty(t, problems, "house rules broken:\n%s", strings.Join(problems, "\n"))
}
