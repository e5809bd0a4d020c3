import { describe, expect, it } from "vitest";
import { createHostLimiter } from "./host-limiter.js";

describe("createHostLimiter", () => {
  it("gives one slot at a time per host, and hosts do not wait for each other", async () => {
    const limiter = createHostLimiter({ concurrency: 1, intervalMs: 0 });
    const order: string[] = [];
    const first = await limiter.acquire("a.example");
    const second = limiter.acquire("a.example").then((release) => (order.push("a2"), release));
    const other = limiter.acquire("b.example").then((release) => (order.push("b1"), release));
    (await other)();
    expect(order).toEqual(["b1"]);
    first();
    first(); // twice is harmless: it must not free a second slot
    (await second)();
    expect(order).toEqual(["b1", "a2"]);
  });

  it("spaces starts by the interval, raised by a crawl delay", async () => {
    let clock = 0;
    const limiter = createHostLimiter({ concurrency: 5, intervalMs: 10, now: () => clock });
    limiter.raiseInterval("a.example", 40);
    limiter.raiseInterval("a.example", 5); // never lowers
    (await limiter.acquire("a.example"))();
    let started = false;
    const next = limiter.acquire("a.example").then((release) => ((started = true), release));
    clock = 30;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toBe(false);
    clock = 45;
    (await next)();
    expect(started).toBe(true);
  });

  it("rejects waiters on close and clears its timer", async () => {
    const limiter = createHostLimiter({ concurrency: 1, intervalMs: 60_000 });
    (await limiter.acquire("a.example"))();
    const waiting = limiter.acquire("a.example");
    limiter.close(new Error("closed"));
    await expect(waiting).rejects.toThrow("closed");
    await expect(limiter.acquire("b.example")).rejects.toThrow("closed");
  });
});
