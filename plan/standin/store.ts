// The stand-in's account, kept in a file so that every process of a run (one provider plugin per command and per
// provider, the console, the tests) sees one AWS: each call to AWS loads it under a lock, and saves what changed.
import * as fs from "node:fs";
import { AccountState, Aws, ServiceName, startingAccount, wallClock } from "../aws";

/** What the file holds: the account, and how many times each injected fault has fired. */
export interface StandInState {
    aws: AccountState;
    faultsFired: Record<string, number>;
}

export class Store {
    /** @param timeScale real time per unit of AWS time: 0 finishes AWS's background changes at once. */
    constructor(
        readonly path: string,
        readonly timeScale = 0,
    ) {}

    /** Runs `op` on the state while holding the file's lock, and saves the state afterwards. */
    update<T>(op: (state: StandInState) => T): T {
        const lock = `${this.path}.lock`;
        for (let tries = 0; ; tries++) {
            try {
                fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
                break;
            } catch (e) {
                if ((e as NodeJS.ErrnoException).code !== "EEXIST" || tries > 4000) throw e;
                Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
            }
        }
        try {
            const state = this.load();
            try {
                return op(state);
            } finally {
                // Saved even when AWS refuses the request: the changes AWS finished meanwhile (settled) happened anyway.
                fs.writeFileSync(`${this.path}.tmp`, JSON.stringify(state));
                fs.renameSync(`${this.path}.tmp`, this.path);
            }
        } finally {
            fs.rmSync(lock, { force: true });
        }
    }

    load(): StandInState {
        return fs.existsSync(this.path) ? JSON.parse(fs.readFileSync(this.path, "utf8")) : { aws: startingAccount(), faultsFired: {} };
    }

    /** The account as it is now: the file, with the changes AWS has finished since (not saved). */
    snapshot(): AccountState {
        const { aws } = this.load();
        new Aws(aws, wallClock(this.timeScale)).account.settle();
        return aws;
    }

    /** One AWS call, on the account as the file has it now. */
    call(service: ServiceName, action: string, params: Record<string, any>, region: string): Record<string, any> {
        return this.update((state) => new Aws(state.aws, wallClock(this.timeScale)).call(service, action, params, region));
    }

    /** Makes the change under way on an object fail (the init-failed fault). */
    failPendingChange(id: string): void {
        this.update((state) => new Aws(state.aws, wallClock(this.timeScale)).failPendingChange(id));
    }
}

/** Writes a starting state (tests seed accounts this way). */
export function seed(path: string, aws: AccountState): void {
    fs.writeFileSync(path, JSON.stringify({ aws, faultsFired: {} } satisfies StandInState));
}
