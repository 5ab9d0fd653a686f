// The component package as users get it: packed once (the sdk/ workspace), installed into projects that already have
// the oldest and the newest supported @pulumi/pulumi and @pulumi/aws, imported from JS and TS, and run. The newest
// project also has js-yaml 3 and @pulumi/policy 1.20.0, which the component must not clash with: it needs nothing of
// theirs. (Two projects, not three: each install writes ~11,000 files of @pulumi/aws, the bulk of `npm test`'s time on
// this disk.) And the provider installed on its own from its lockfile, as `pulumi package add` does.
import * as assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { AwsMocks } from "./mocks";
import { FakeEngine, ProviderProcess } from "./wire";

const root = path.join(__dirname, "..", "..");
const env = { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
/** Stops the npm processes still running when the tests end early (a filtered run, --exit, Ctrl-C). */
const stop = new AbortController();
const npm = async (args: string[], cwd: string) =>
    (await promisify(execFile)("npm", args, { cwd, encoding: "utf8", env, signal: stop.signal })).stdout;

/** What a project holds before it installs the component. */
const PROJECTS = {
    oldest: { "@pulumi/pulumi": "3.269.0", "@pulumi/aws": "7.47.0" },
    newest: { "@pulumi/pulumi": "3.276.0", "@pulumi/aws": "7.48.0", "js-yaml": "3.14.1", "@pulumi/policy": "1.20.0" },
} as const;

/**
 * Run in a project: the component under minimal mocks of the project's own @pulumi/pulumi (the AWS model is the plan
 * package's, which a component user does not install), printing the connection's domain name.
 */
const SCRIPT = `
const pulumi = require("@pulumi/pulumi");
const answers = {
    "aws:index/getRegion:getRegion": () => ({ id: "us-east-1", name: "us-east-1", region: "us-east-1" }),
    "aws:index/getCallerIdentity:getCallerIdentity": () => ({ accountId: "123456789012" }),
    "aws:ec2/getSubnet:getSubnet": ({ id }) => ({
        id,
        vpcId: "vpc-0123456789abcdef0",
        availabilityZone: id.endsWith("0") ? "us-east-1a" : "us-east-1b",
        ipv6CidrBlock: "",
        ownerId: "123456789012",
    }),
    "aws:ec2/getVpc:getVpc": () => ({ cidrBlock: "10.0.0.0/16", cidrBlockAssociations: [], ipv6CidrBlock: "" }),
    "aws:cloudcontrol/getResource:getResource": () => ({
        properties: JSON.stringify({ NetworkConfiguration: { IngressConfiguration: { IsPubliclyAccessible: false } } }),
    }),
};
pulumi.runtime.setMocks({
    // The connection is a Cloud Control resource: what AWS has of it is \`properties\`, its CloudFormation model as JSON.
    newResource: ({ name, inputs }) => ({
        id: name + "-id",
        state: inputs.desiredState
            ? {
                  ...inputs,
                  properties: JSON.stringify({
                      ...JSON.parse(inputs.desiredState),
                      Status: "AVAILABLE",
                      DomainName: "abcdefghij.us-east-1.awsapprunner.com",
                  }),
              }
            : inputs,
    }),
    call: ({ token, inputs }) => answers[token](inputs),
});
const { PrivateEndpoint } = require("@apprunner-private/apprunner-private");
const pe = new PrivateEndpoint("api", {
    serviceArn: "arn:aws:apprunner:us-east-1:123456789012:service/api-service/0123456789abcdef0123456789abcdef",
    vpcId: "vpc-0123456789abcdef0",
    subnetIds: ["subnet-01234567890abcde0", "subnet-01234567890abcde1"],
});
pe.domainName.apply((d) => { console.log(d); setImmediate(() => process.exit(0)); });
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "apprunner-private-pack-"));
const project = (name: keyof typeof PROJECTS) => path.join(dir, name);
process.on("exit", () => {
    stop.abort();
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});

/** Packs once, and installs the projects and the provider concurrently: each is mostly waiting on the npm cache. */
async function prepare(): Promise<{ files: string[] }> {
    // `npm test` has just built bin/; --ignore-scripts keeps prepack from rebuilding under the running tests.
    const [packed] = JSON.parse(await npm(["pack", "--workspace", "sdk", "--ignore-scripts", "--json", "--pack-destination", dir], root));
    await Promise.all([
        ...Object.entries(PROJECTS).map(async ([name, dependencies]) => {
            fs.mkdirSync(project(name as keyof typeof PROJECTS));
            fs.writeFileSync(
                path.join(project(name as keyof typeof PROJECTS), "package.json"),
                JSON.stringify({ name, private: true, dependencies }),
            );
            await npm(
                // Peers checked strictly, whatever a user's .npmrc says: an unmet peer range is ERESOLVE, not a warning.
                [
                    "install",
                    path.join(dir, packed.filename),
                    "--prefer-offline",
                    "--engine-strict=false",
                    "--strict-peer-deps",
                    "--legacy-peer-deps=false",
                ],
                project(name as keyof typeof PROJECTS),
            );
        }),
        (async () => {
            // The plugin as `pulumi package add` finds it: provider/ beside sdk/, installed on its own from its
            // lockfile (npm runs its `prepare`, which compiles it), with no node_modules of this repository above it.
            for (const d of ["provider", "sdk"]) {
                fs.cpSync(path.join(root, d), path.join(dir, "plugin", d), {
                    recursive: true,
                    filter: (src) => !/[/\\](bin|node_modules)$/.test(src),
                });
            }
            await npm(["ci", "--prefer-offline", "--engine-strict=false"], path.join(dir, "plugin", "provider"));
        })(),
    ]);
    return { files: packed.files.map((f: { path: string }) => f.path) };
}
// Started as mocha loads this file, before any test runs: npm then works (mostly waiting on its cache and the disk)
// while the files before this one run, instead of after them. A failure is reported by the hooks that await it. So a
// run that loads this file but selects none of its tests (--grep) still waits for npm, ~40 s, unless it is stopped.
const preparing = prepare();
preparing.catch(() => {});
const prepared = () => preparing;

describe("npm package", function () {
    this.timeout(300_000);
    let files: string[];
    before(async () => {
        ({ files } = await prepared());
    });

    it("ships the components alone: compiled JavaScript, declarations, README and LICENSE; no plan, policy, testing or tests", () => {
        for (const f of [
            "bin/index.js",
            "bin/index.d.ts",
            "bin/privateEndpoint.js",
            "bin/interfaceEndpoint.js",
            "README.md",
            "LICENSE",
            "package.json",
        ]) {
            assert.ok(files.includes(f), `${f} is packed`);
        }
        assert.deepEqual(
            files.filter((f) => /plan|polic|mocks|testing|standin|cli|tests\/|\.ts$/.test(f) && !f.endsWith(".d.ts")),
            [],
        );
        const manifest = JSON.parse(fs.readFileSync(path.join(root, "sdk", "package.json"), "utf8"));
        assert.equal(manifest.bin, undefined, "no command");
        assert.deepEqual(Object.keys(manifest.peerDependencies).sort(), ["@pulumi/aws", "@pulumi/pulumi"]);
        assert.equal(manifest.peerDependenciesMeta, undefined);
    });

    for (const name of Object.keys(PROJECTS) as (keyof typeof PROJECTS)[]) {
        it(`${name} project: exactly one @pulumi/pulumi and one @pulumi/aws, the project's own, and the component works`, () => {
            // The tree npm installed, as its lockfile records it: every package's path and version.
            const tree = Object.entries(
                JSON.parse(fs.readFileSync(path.join(project(name), "package-lock.json"), "utf8")).packages as Record<
                    string,
                    { version: string }
                >,
            );
            const copies = (pkg: string) =>
                tree.filter(([p]) => p.endsWith(`node_modules/${pkg}`)).map(([p, { version }]) => `${p}@${version}`);
            const expected = PROJECTS[name] as Record<string, string>;
            for (const pkg of ["@pulumi/pulumi", "@pulumi/aws"]) {
                assert.deepEqual(copies(pkg), [`node_modules/${pkg}@${expected[pkg]}`]);
            }
            const { version } = JSON.parse(fs.readFileSync(path.join(root, "sdk", "package.json"), "utf8"));
            assert.deepEqual(copies("@apprunner-private/apprunner-private"), [
                `node_modules/@apprunner-private/apprunner-private@${version}`,
            ]);
            // A project's own packages stay as they were, and the component brings no policy package.
            if (name === "newest") {
                // The project's own, at the top (@pulumi/pulumi has a js-yaml 4 of its own, beneath it).
                assert.ok(copies("js-yaml").includes("node_modules/js-yaml@3.14.1"), copies("js-yaml").join(", "));
                assert.deepEqual(copies("@pulumi/policy"), ["node_modules/@pulumi/policy@1.20.0"]);
            } else assert.deepEqual(copies("@pulumi/policy"), []);
            const out = execFileSync(process.execPath, ["-e", SCRIPT], { cwd: project(name), encoding: "utf8" });
            assert.match(out.trim(), /^[a-z0-9]{10}\.us-east-1\.awsapprunner\.com$/);
        });
    }

    it("exposes its public API only: the components, their arguments and permissions at the root, AWS facts at /aws, nothing else", () => {
        const script = [
            'const root = require("@apprunner-private/apprunner-private");',
            'const aws = require("@apprunner-private/apprunner-private/aws");',
            'const provider = require("@apprunner-private/apprunner-private/provider");',
            "let inner;",
            'try { require("@apprunner-private/apprunner-private/bin/validation"); } catch (e) { inner = e.code; }',
            "const keys = (m) => Object.keys(m).sort();",
            "console.log(JSON.stringify({ root: keys(root), aws: keys(aws), provider: keys(provider), inner }));",
        ].join("\n");
        const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: project("newest"), encoding: "utf8" }));
        assert.deepEqual(out, {
            root: ["InterfaceEndpoint", "IpAddressType", "PrivateEndpoint", "iamPolicyDocument", "requiredPermissions"],
            aws: [
                "APP_RUNNER_REGIONS",
                "CONNECTION_SCHEMA",
                "DEFAULT_ENDPOINT_PRICE_PER_AZ_HOUR",
                "ENDPOINT_DATA_PROCESSING_TIERS",
                "ENDPOINT_PRICE_PER_AZ_HOUR",
                "HOURS_PER_MONTH",
                "HTTPS_PORT",
                "INTERFACE_ENDPOINT_TYPE",
                "PRIVATE_ENDPOINT_TYPE",
                "TAG_LIMITS",
                "endpointPricePerAzHour",
                "isAppRunnerRegion",
                "parseConnectionArn",
                "parseServiceArn",
                "regionOfAppRunnerEndpointService",
            ],
            provider: ["answerRefusalsInConstruct", "describeFailure", "isRefusal", "isSdkFailure", "refusalOf", "useDeployment"],
            inner: "ERR_PACKAGE_PATH_NOT_EXPORTED",
        });
    });

    it("type-checks a TypeScript consumer against the shipped declarations", () => {
        const app = project("newest");
        fs.writeFileSync(
            path.join(app, "index.ts"),
            [
                'import { PrivateEndpoint, PrivateEndpointArgs } from "@apprunner-private/apprunner-private";',
                'const args: PrivateEndpointArgs = { serviceArn: "arn", vpcId: "vpc-12345678", subnetIds: ' +
                    '["subnet-12345678"], ipAddressType: "dualstack" };',
                'export const make = () => new PrivateEndpoint("x", args).url;',
            ].join("\n"),
        );
        fs.writeFileSync(
            path.join(app, "tsconfig.json"),
            JSON.stringify({
                compilerOptions: {
                    strict: true,
                    module: "node16",
                    moduleResolution: "node16",
                    noEmit: true,
                    skipLibCheck: true,
                    types: [],
                },
                files: ["index.ts"],
            }),
        );
        execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", app], { encoding: "utf8" });
    });
});

describe("the tool packages (policy, plan)", function () {
    this.timeout(60_000);
    const own: Record<string, RegExp> = {
        "@apprunner-private/policy": /^(bin\/policy\/.*\.(js|d\.ts)|PulumiPolicy\.yaml|README\.md|LICENSE|package\.json)$/,
        "@apprunner-private/plan": /^(bin\/plan\/.*\.(js|d\.ts)|standin\/pulumi-resource-(aws|notrun)|README\.md|LICENSE|package\.json)$/,
    };
    let packed: { name: string; files: { path: string }[] }[];
    before(async () => {
        packed = JSON.parse(
            await npm(["pack", "--dry-run", "--json", "--ignore-scripts", "--workspace", "policy", "--workspace", "plan"], root),
        );
    });

    it("ship their own files only: no copy of the component's (sdk/) or of each other's", () => {
        assert.deepEqual(
            packed.map((p) => p.name),
            Object.keys(own),
        );
        for (const p of packed) {
            const paths = p.files.map((f) => f.path);
            assert.ok(paths.length > 5, `${p.name}: packed ${paths.join(", ")}`);
            assert.deepEqual(
                paths.filter((f) => !own[p.name].test(f)),
                [],
                `${p.name} packs only its own files`,
            );
        }
    });

    it("depend on the component as a package, by a range, and import it by name through its exports", () => {
        for (const dir of ["policy", "plan"]) {
            const manifest = JSON.parse(fs.readFileSync(path.join(root, dir, "package.json"), "utf8"));
            assert.equal(manifest.dependencies["@apprunner-private/apprunner-private"], "^0.1.0", dir);
            for (const f of fs.readdirSync(path.join(root, dir, "bin", dir), { recursive: true, encoding: "utf8" })) {
                if (!f.endsWith(".js")) continue;
                const text = fs.readFileSync(path.join(root, dir, "bin", dir, f), "utf8");
                assert.doesNotMatch(text, /require\("(\.\.\/)+sdk\//, `${dir}/bin/${dir}/${f} reaches into sdk/ by path`);
            }
        }
    });
});

describe("provider plugin package", function () {
    this.timeout(300_000);
    const plugin = path.join(dir, "plugin");

    it("declares requiredPulumiVersion: the CLI the real-engine tests build (package-lock's @pulumi/pulumi) and newer", () => {
        const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));
        const tested = lock.packages["node_modules/@pulumi/pulumi"].version;
        const manifest = fs.readFileSync(path.join(root, "provider", "PulumiPlugin.yaml"), "utf8");
        assert.match(manifest, /^runtime: nodejs$/m);
        assert.equal(/^requiredPulumiVersion: "(.*)"$/m.exec(manifest)?.[1], `>=${tested}`);
    });

    it("builds on install from its lockfile and serves its schema when started as the engine starts it", async () => {
        await prepared();
        // Its own code compiled, and the component installed as its dependency: a copy of ../sdk (install-links), compiled
        // in place from sdk/'s sources, and no compiled copy of the component among the plugin's own files.
        const listing = (dir: string) =>
            fs
                .readdirSync(dir, { recursive: true, encoding: "utf8" })
                .filter((f) => f.endsWith(".js"))
                .sort();
        assert.deepEqual(listing(path.join(plugin, "provider", "bin")), ["provider/index.js", "provider/provider.js"]);
        const component = path.join(plugin, "provider", "node_modules", "@apprunner-private", "apprunner-private");
        assert.ok(!fs.lstatSync(component).isSymbolicLink(), "a copy, not a link to ../sdk");
        assert.deepEqual(
            listing(path.join(component, "bin")),
            listing(path.join(root, "sdk", "bin")).filter((f) => !f.startsWith("api-extractor")),
        );
        const engine = await new FakeEngine(new AwsMocks()).start();
        const provider = await ProviderProcess.start(path.join(plugin, "provider"), engine.address);
        try {
            assert.deepEqual(await provider.getSchema(), JSON.parse(fs.readFileSync(path.join(root, "provider", "schema.json"), "utf8")));
        } finally {
            await provider.stop();
            engine.stop();
        }
    });
});
