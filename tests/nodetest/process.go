package nodetest

import (
	"bytes"
	"os"
	"os/exec"
	"syscall"
	"time"
)

// Start starts binary with args as a long-running process whose stdout and
// stderr are appended to logPath. The caller owns the process: only Stop
// (or the caller) ends it, by its PID, never by name.
func Start(binary, logPath string, args ...string) (*exec.Cmd, error) {
	f, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	defer f.Close() // the child holds its own descriptor
	cmd := exec.Command(binary, args...)
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return cmd, nil
}

// Stop sends sig to a process started by Start and waits for it to exit;
// after grace it sends SIGKILL, waits again and reports killed. A nil
// command or one already waited for is left alone.
func Stop(cmd *exec.Cmd, sig syscall.Signal, grace time.Duration) (killed bool) {
	if cmd == nil || cmd.Process == nil || cmd.ProcessState != nil {
		return false
	}
	_ = cmd.Process.Signal(sig)
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	select {
	case <-done:
		return false
	case <-time.After(grace):
		_ = cmd.Process.Kill()
		<-done
		return sig != syscall.SIGKILL
	}
}

// LogPanic returns the first Go panic in the log at path with up to 600
// bytes after it, or "" when the log holds none.
func LogPanic(path string) (string, error) {
	bz, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	i := bytes.Index(bz, []byte("panic:"))
	if i < 0 {
		return "", nil
	}
	return string(bz[i:min(len(bz), i+600)]), nil
}

// LogTail returns the last n lines of the log at path ("" if unreadable).
func LogTail(path string, n int) string {
	bz, _ := os.ReadFile(path)
	lines := bytes.Split(bz, []byte("\n"))
	return string(bytes.Join(lines[max(0, len(lines)-n):], []byte("\n")))
}
