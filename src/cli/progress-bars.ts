import type { ProgressOutcome, ProgressReporter, ProgressTask } from "../core/progress.js";

export interface TerminalProgressOptions {
  readonly now?: () => number;
  /** Shortest pause between redraws of the live lines on a TTY (default 100). */
  readonly redrawMs?: number;
}

interface TaskState {
  readonly task: ProgressTask;
  readonly startMs: number;
  done: number;
}

// ECMA-48 §8.3: CSI n A (cursor up), CSI 2 K (erase line), CSI J (erase to end of screen).
const ESC = "\u001b[";
const LABEL_WIDTH = 40;
const BYTES_PER_MB = 1_000_000;

function amount(state: TaskState, value: number): string {
  return state.task.unit === "bytes"
    ? `${(value / BYTES_PER_MB).toFixed(1)} MB`
    : `${value} ${state.task.unit}`;
}

function rate(state: TaskState, nowMs: number): string {
  const seconds = Math.max((nowMs - state.startMs) / 1000, 1e-3);
  const perSecond = state.done / seconds;
  return state.task.unit === "bytes"
    ? `${(perSecond / BYTES_PER_MB).toFixed(1)} MB/s`
    : `${perSecond.toFixed(1)} ${state.task.unit}/s`;
}

function label(state: TaskState): string {
  const text = state.task.label;
  return text.length <= LABEL_WIDTH ? text : `…${text.slice(text.length - LABEL_WIDTH + 1)}`;
}

function liveLine(state: TaskState, nowMs: number): string {
  const total = state.task.total;
  const percent =
    total !== undefined && total > 0 ? `${Math.floor((100 * state.done) / total)}%` : "";
  const of = total === undefined ? "" : ` / ${amount(state, total)}`;
  return `${label(state)} ${percent} ${amount(state, state.done)}${of} ${rate(state, nowMs)}`.replace(
    / {2,}/g,
    " ",
  );
}

function finishedLine(state: TaskState, outcome: ProgressOutcome, nowMs: number): string {
  const seconds = ((nowMs - state.startMs) / 1000).toFixed(1);
  return `${outcome} ${state.task.label}: ${amount(state, state.done)} in ${seconds} s (${rate(state, nowMs)})`;
}

/**
 * Draws progress on a terminal: on a TTY one updating line per running task (label, %, MB,
 * MB/s) redrawn in place; otherwise (logs, pipes) one plain line per finished task and per
 * warning, without escape codes.
 */
export function terminalProgressReporter(
  stream: NodeJS.WritableStream & { isTTY?: boolean },
  options: TerminalProgressOptions = {},
): ProgressReporter {
  const now = options.now ?? Date.now;
  const redrawMs = options.redrawMs ?? 100;
  const tty = stream.isTTY === true;
  const tasks = new Map<string, TaskState>();
  let drawnLines = 0;
  let lastDrawMs = Number.NEGATIVE_INFINITY;

  const clearLive = (): string => (drawnLines > 0 ? `${ESC}${drawnLines}A\r${ESC}J` : "");
  const live = (nowMs: number): string => {
    drawnLines = tasks.size;
    return [...tasks.values()].map((state) => `\r${ESC}2K${liveLine(state, nowMs)}\n`).join("");
  };
  const redraw = (force: boolean): void => {
    const nowMs = now();
    if (!force && nowMs - lastDrawMs < redrawMs) return;
    lastDrawMs = nowMs;
    stream.write(clearLive() + live(nowMs));
  };
  /** Prints a permanent line: above the live lines on a TTY, plainly otherwise. */
  const print = (line: string): void => {
    if (!tty) {
      stream.write(`${line}\n`);
      return;
    }
    const cleared = clearLive();
    drawnLines = 0;
    stream.write(`${cleared}${line}\n${live(now())}`);
  };

  return {
    begin(task) {
      tasks.set(task.id, { task, startMs: now(), done: 0 });
      if (tty) redraw(true);
    },
    advance(id, amountDone) {
      const state = tasks.get(id);
      if (state === undefined) return;
      state.done += amountDone;
      if (tty) redraw(false);
    },
    end(id, outcome) {
      const state = tasks.get(id);
      if (state === undefined) return;
      tasks.delete(id);
      print(finishedLine(state, outcome, now()));
    },
    warn(message) {
      print(`warning: ${message}`);
    },
  };
}
