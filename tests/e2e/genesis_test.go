package e2e

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/stretchr/testify/require"
)

// editGenesis rewrites app_state in the sequencer's genesis.json with edit,
// checks the result with `milkywayd genesis validate` and copies it to the
// full node. Call it after initChain and before starting the nodes: a
// running node never reads its genesis again.
func (c *cluster) editGenesis(edit func(appState map[string]json.RawMessage)) {
	c.t.Helper()
	seq := filepath.Join(c.home("sequencer"), "config", "genesis.json")
	bz, err := os.ReadFile(seq)
	require.NoError(c.t, err)

	var doc map[string]json.RawMessage
	require.NoError(c.t, json.Unmarshal(bz, &doc))
	var appState map[string]json.RawMessage
	require.NoError(c.t, json.Unmarshal(doc["app_state"], &appState))
	edit(appState)
	doc["app_state"] = c.marshal(appState)

	out, err := json.MarshalIndent(doc, "", "  ")
	require.NoError(c.t, err)
	require.NoError(c.t, os.WriteFile(seq, out, 0o600))
	c.cli("genesis", "validate", "--home", c.home("sequencer"))
	require.NoError(c.t, os.WriteFile(filepath.Join(c.home("fullnode"), "config", "genesis.json"), out, 0o600))
}

// editModuleGenesis decodes one module's genesis as generic JSON, lets edit
// change it and stores it back. Numbers stay json.Number, so large integers
// keep their exact value.
func (c *cluster) editModuleGenesis(appState map[string]json.RawMessage, module string, edit func(gs map[string]any)) {
	c.t.Helper()
	raw, ok := appState[module]
	require.True(c.t, ok, "genesis has no app_state.%s", module)
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var gs map[string]any
	require.NoError(c.t, dec.Decode(&gs), "app_state.%s", module)
	edit(gs)
	appState[module] = c.marshal(gs)
}

// setRestakingParam sets app_state.restaking.params.<name>; durations are
// strings such as "8s".
func (c *cluster) setRestakingParam(appState map[string]json.RawMessage, name string, value any) {
	c.t.Helper()
	c.editModuleGenesis(appState, "restaking", func(gs map[string]any) {
		params, ok := gs["params"].(map[string]any)
		require.True(c.t, ok, "app_state.restaking.params is missing or not an object")
		_, known := params[name]
		require.True(c.t, known, "app_state.restaking.params has no field %q", name)
		params[name] = value
	})
}

func (c *cluster) marshal(v any) json.RawMessage {
	c.t.Helper()
	bz, err := json.Marshal(v)
	require.NoError(c.t, err)
	return bz
}
