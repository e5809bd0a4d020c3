/** A binary max-heap of items by priority; the clusterer owns one per run. */
export class MaxHeap<T> {
  private readonly items: { priority: number; value: T }[] = [];

  get size(): number {
    return this.items.length;
  }

  push(priority: number, value: T): void {
    const items = this.items;
    items.push({ priority, value });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((items[parent] as { priority: number }).priority >= priority) break;
      [items[i], items[parent]] = [items[parent] as (typeof items)[0], items[i] as (typeof items)[0]];
      i = parent;
    }
  }

  pop(): { priority: number; value: T } | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (
        left < items.length &&
        (items[left] as typeof last).priority > (items[largest] as typeof last).priority
      )
        largest = left;
      if (
        right < items.length &&
        (items[right] as typeof last).priority > (items[largest] as typeof last).priority
      )
        largest = right;
      if (largest === i) break;
      [items[i], items[largest]] = [items[largest] as typeof last, items[i] as typeof last];
      i = largest;
    }
    return top;
  }
}
