package gateway

import (
	"sync"
	"time"
)

// progressInterval is how often DA sync progress is logged.
const progressInterval = 5 * time.Second

// syncProgress turns observed rollup heights into a blocks/s rate, reported
// at most once per progressInterval.
type syncProgress struct {
	mu         sync.Mutex
	lastTime   time.Time
	lastHeight uint64
}

func newSyncProgress() *syncProgress { return &syncProgress{} }

// observe records height and returns the rate since the last report when a
// report is due.
func (p *syncProgress) observe(height uint64) (float64, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if p.lastTime.IsZero() {
		p.lastTime, p.lastHeight = now, height
		return 0, false
	}
	elapsed := now.Sub(p.lastTime)
	if elapsed < progressInterval || height <= p.lastHeight {
		return 0, false
	}
	rate := float64(height-p.lastHeight) / elapsed.Seconds()
	p.lastTime, p.lastHeight = now, height
	return rate, true
}
