// Loaded by mocha before any test file (.mocharc.json's `require`): the tests' scratch files go to memory when the
// machine has a memory filesystem and the runner chose no TMPDIR. The packaging tests install @pulumi/aws twice and
// the provider once (~30,000 files); on an ext4 disk that was ~20 s of `npm test`'s ~60, on /dev/shm ~3 s. What the
// tests do and assert is the same on either; set TMPDIR to pick the place yourself.
import * as fs from "node:fs";
import * as path from "node:path";

const MEMORY = "/dev/shm";

function memoryScratch(): string | undefined {
    if (process.env.TMPDIR || process.platform !== "linux") return undefined;
    try {
        fs.accessSync(MEMORY, fs.constants.W_OK);
        return fs.mkdtempSync(path.join(MEMORY, "apprunner-private-tests-"));
    } catch {
        return undefined;
    }
}

const scratch = memoryScratch();
if (scratch) {
    // os.tmpdir() reads TMPDIR on each call, and the processes the tests start inherit it.
    process.env.TMPDIR = scratch;
    process.on("exit", () => fs.rmSync(scratch, { recursive: true, force: true, maxRetries: 3 }));
}
