/**
 * A binary max-heap of pairs of group ids (with the versions the groups had when the pair was
 * offered) by priority; the clusterer owns one per run. Entries live in parallel arrays of
 * numbers, not in an object and a tuple each: a merge run at 100k articles offers millions.
 */
export class PairHeap {
  private readonly priority: number[] = [];
  private readonly a: number[] = [];
  private readonly b: number[] = [];
  private readonly versionA: number[] = [];
  private readonly versionB: number[] = [];

  get size(): number {
    return this.priority.length;
  }

  push(priority: number, a: number, b: number, versionA: number, versionB: number): void {
    this.priority.push(priority);
    this.a.push(a);
    this.b.push(b);
    this.versionA.push(versionA);
    this.versionB.push(versionB);
    let i = this.priority.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((this.priority[parent] as number) >= priority) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Removes the top entry and returns it as [a, b, versionA, versionB], or undefined when empty. */
  pop(): [a: number, b: number, versionA: number, versionB: number] | undefined {
    const size = this.priority.length;
    if (size === 0) return undefined;
    const top: [number, number, number, number] = [
      this.a[0] as number,
      this.b[0] as number,
      this.versionA[0] as number,
      this.versionB[0] as number,
    ];
    this.swap(0, size - 1);
    this.priority.pop();
    this.a.pop();
    this.b.pop();
    this.versionA.pop();
    this.versionB.pop();
    this.siftDown(0);
    return top;
  }

  private siftDown(from: number): void {
    const p = this.priority;
    for (let i = from; ;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let largest = i;
      if (left < p.length && (p[left] as number) > (p[largest] as number)) largest = left;
      if (right < p.length && (p[right] as number) > (p[largest] as number)) largest = right;
      if (largest === i) return;
      this.swap(i, largest);
      i = largest;
    }
  }

  private swap(i: number, j: number): void {
    swap(this.priority, i, j);
    swap(this.a, i, j);
    swap(this.b, i, j);
    swap(this.versionA, i, j);
    swap(this.versionB, i, j);
  }
}

function swap(column: number[], i: number, j: number): void {
  const t = column[i] as number;
  column[i] = column[j] as number;
  column[j] = t;
}
