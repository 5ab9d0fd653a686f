// The npm package as users get it: `npm pack`, installed into an empty project, imported from JS and TS.
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { AwsMocks } from "./mocks";
import { FakeEngine, ProviderProcess } from "./wire";

const root = path.join(__dirname, "..", "..");
const npm = (args: string[], cwd: string) =>
    execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_update_notifier: "false" } });

describe("npm package", function () {
    this.timeout(300_000);
    let dir: string;
    let files: string[];
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "apprunner-private-pack-"));
        // `npm test` has just built bin/; --ignore-scripts keeps prepack from rebuilding under the running tests.
        const [packed] = JSON.parse(npm(["pack", "--ignore-scripts", "--json", "--pack-destination", dir], root));
        files = packed.files.map((f: { path: string }) => f.path);
        fs.mkdirSync(path.join(dir, "app"));
        fs.writeFileSync(path.join(dir, "app", "package.json"), JSON.stringify({ name: "app", private: true }));
        npm(["install", path.join(dir, packed.filename), "--prefer-offline", "--no-audit", "--no-fund"], path.join(dir, "app"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("ships compiled JavaScript, declarations, README and LICENSE, and no tests", () => {
        for (const f of ["bin/sdk/index.js", "bin/sdk/index.d.ts", "bin/sdk/privateEndpoint.js", "bin/sdk/privateEndpoint.d.ts", "README.md", "LICENSE", "package.json"]) {
            assert.ok(files.includes(f), `${f} is packed`);
        }
        assert.deepEqual(files.filter((f) => f.includes("tests/") || f.endsWith(".ts") && !f.endsWith(".d.ts")), []);
    });

    it("imports PrivateEndpoint from JavaScript in an empty project", () => {
        const out = execFileSync(process.execPath, ["-e", "const m = require('@apprunner-private/apprunner-private'); console.log(typeof m.PrivateEndpoint, m.PRIVATE_ENDPOINT_TYPE)"], {
            cwd: path.join(dir, "app"),
            encoding: "utf8",
        });
        assert.equal(out.trim(), "function apprunner-private:index:PrivateEndpoint");
    });

    it("installs the apprunner-private command", () => {
        const bin = path.join(dir, "app", "node_modules", ".bin", "apprunner-private");
        const out = execFileSync(bin, ["--help"], { encoding: "utf8" });
        assert.match(out, /^usage: apprunner-private plan \[program-dir\]/);
    });

    it("type-checks a TypeScript consumer against the shipped declarations", () => {
        const app = path.join(dir, "app");
        fs.writeFileSync(
            path.join(app, "index.ts"),
            [
                'import { PrivateEndpoint, PrivateEndpointArgs } from "@apprunner-private/apprunner-private";',
                'const args: PrivateEndpointArgs = { serviceArn: "arn", vpcId: "vpc-12345678", subnetIds: ["subnet-12345678"] };',
                "export const make = () => new PrivateEndpoint(\"x\", args).url;",
            ].join("\n"),
        );
        fs.writeFileSync(
            path.join(app, "tsconfig.json"),
            JSON.stringify({ compilerOptions: { strict: true, module: "node16", moduleResolution: "node16", noEmit: true, skipLibCheck: true, types: [] }, files: ["index.ts"] }),
        );
        execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", app], { encoding: "utf8" });
    });
});

describe("provider plugin package", function () {
    this.timeout(300_000);
    let dir: string;
    before(() => {
        // The plugin as `pulumi package add` finds it: provider/ beside sdk/, installed on its own (npm install runs
        // its `prepare`, which compiles it), with no node_modules of this repository above it.
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "apprunner-private-plugin-"));
        for (const d of ["provider", "sdk"]) {
            fs.cpSync(path.join(root, d), path.join(dir, d), { recursive: true, filter: (src) => !/[/\\](bin|node_modules)$/.test(src) });
        }
        npm(["install", "--prefer-offline", "--no-audit", "--no-fund"], path.join(dir, "provider"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("builds on install and serves its schema when started as the engine starts it", async () => {
        assert.ok(fs.existsSync(path.join(dir, "provider", "bin", "provider", "index.js")));
        const engine = await new FakeEngine(new AwsMocks()).start();
        const provider = await ProviderProcess.start(path.join(dir, "provider"), engine.address);
        try {
            assert.deepEqual(await provider.getSchema(), JSON.parse(fs.readFileSync(path.join(root, "provider", "schema.json"), "utf8")));
        } finally {
            await provider.stop();
            engine.stop();
        }
    });
});

