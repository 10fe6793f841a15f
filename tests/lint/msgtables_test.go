package lint

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var (
	msgService = regexp.MustCompile(`(?s)\nservice Msg \{(.*?)\n\}`)
	msgRPC     = regexp.MustCompile(`rpc (\w+)\s*\(\s*(\w+)\s*\)`)
	// A README row: | `MsgX` | [file](keeper/msg_x.go) | [file](keeper/x_test.go) | errors |
	msgRow = regexp.MustCompile("(?m)^\\| `(Msg\\w+)` \\| \\[[^]]+\\]\\(([^)]+)\\) \\| \\[[^]]+\\]\\(([^)]+)\\) \\|")
	upper  = regexp.MustCompile(`([a-z0-9])([A-Z])`)
)

// TestModuleReadmesMapEveryMsg: every rpc of a module's `service Msg` has a
// row in x/<module>/README.md naming its handler and its test, so a reader
// gets from a Msg to its code in one click. The handler is
// keeper/msg_<snake_name>.go and defines the method; the test file exists
// and calls the handler or builds the Msg.
func TestModuleReadmesMapEveryMsg(t *testing.T) {
	protos, err := filepath.Glob("../../proto/milkyway/*/v1/tx.proto")
	require.NoError(t, err)
	require.NotEmpty(t, protos)
	var problems []string
	for _, proto := range protos {
		module := filepath.Base(filepath.Dir(filepath.Dir(proto)))
		src, err := os.ReadFile(proto)
		require.NoError(t, err)
		svc := msgService.FindSubmatch(src)
		if svc == nil {
			continue
		}
		dir := filepath.Join("../../x", module)
		readme, err := os.ReadFile(filepath.Join(dir, "README.md"))
		if err != nil {
			problems = append(problems, module+": no README.md")
			continue
		}
		rows := map[string][2]string{}
		for _, m := range msgRow.FindAllStringSubmatch(string(readme), -1) {
			rows[m[1]] = [2]string{m[2], m[3]}
		}
		for _, rpc := range msgRPC.FindAllSubmatch(svc[1], -1) {
			name, msg := string(rpc[1]), string(rpc[2])
			row, ok := rows[msg]
			if !ok {
				problems = append(problems, module+"/README.md: no Msg table row for "+msg)
				continue
			}
			handler, test := row[0], row[1]
			want := "keeper/msg_" + strings.ToLower(upper.ReplaceAllString(name, "${1}_${2}")) + ".go"
			if handler != want {
				problems = append(problems, module+"/README.md: "+msg+" names handler "+handler+"; one Msg per file: "+want)
			}
			if body, err := os.ReadFile(filepath.Join(dir, handler)); err != nil {
				problems = append(problems, module+"/README.md: "+msg+": handler "+handler+" does not exist")
			} else if !strings.Contains(string(body), ") "+name+"(ctx ") {
				problems = append(problems, module+"/README.md: "+msg+": "+handler+" does not define "+name)
			}
			if body, err := os.ReadFile(filepath.Join(dir, test)); err != nil || !strings.HasSuffix(test, "_test.go") {
				problems = append(problems, module+"/README.md: "+msg+": test "+test+" is not a test file that exists")
			} else if !strings.Contains(string(body), msg+"{") && !strings.Contains(string(body), "."+name+"(") {
				problems = append(problems, module+"/README.md: "+msg+": "+test+" neither builds "+msg+" nor calls "+name)
			}
		}
	}
	require.Empty(t, problems, "module READMEs out of step with proto/:\n%s", strings.Join(problems, "\n"))
}
