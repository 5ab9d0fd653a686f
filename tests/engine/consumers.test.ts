// Every consumer of the package through the real Pulumi engine: the root project and the TypeScript example use the
// npm package; the Python, Go and YAML examples get the component from provider/ through `pulumi package add`, as
// their READMEs say. Each runs the same life: preview with unknowns, up, a preview that must find no changes, a
// change that replaces the connection, a bad input refused before anything is created, destroy.
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { TOPOLOGY as T } from "../../plan/aws";
import { CLOUDCONTROL_RESOURCE, SECURITY_GROUP, VPC_ENDPOINT } from "../../plan/provider";
import { validateEc2Id } from "../../sdk/validation";
import { COMPONENT, REPO, Request, Workspace, addProvider, configure, creates, edit, enginePath, rootCopy, urnName } from "./harness";

const SHARED = "apprunner-private:index:InterfaceEndpoint";
const URL = /^https:\/\/[a-z0-9]{10}\.us-east-1\.awsapprunner\.com$/;

interface Consumer {
    name: string;
    /** Copies the program into the workspace and installs what it needs; returns its directory. */
    prepare(ws: Workspace): string;
    /** Stack configuration besides aws:region (values, or lists set element by element). */
    config: Record<string, string | string[]>;
    /** The PrivateEndpoint components. */
    components: string[];
    /** The InterfaceEndpoint that owns the endpoint, if one does (else the first PrivateEndpoint does). */
    shared?: string;
    /** The stack outputs that are URLs. */
    urls: string[];
    /** An edit of the program that renames the first component's connection, which replaces it. */
    rename: { file: string; from: string; to: string; connectionName: string };
    /** A bad input: config that overrides the good one, or a program edit; and the component's message. */
    bad: { config?: Record<string, string | string[]>; edit?: { file: string; from: string; to: string }; message: string };
}

const exampleConfig = { vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB] };
const sameZone = {
    config: { subnetIds: [T.subnetA, T.subnetA2] },
    message:
        "`subnetIds` must have at most one subnet per Availability Zone (an interface endpoint takes one subnet per zone), " +
        `got: ${T.subnetA} and ${T.subnetA2} in us-east-1a. Keep one subnet per zone.`,
};

/** An example that gets the component from provider/: copied, then `pulumi package add` and `pulumi install`. */
function providerExample(language: string, before: (dir: string) => void = () => undefined): (ws: Workspace) => string {
    return (ws) => {
        const dir = ws.copyProject(path.join(REPO, "examples", language), language);
        before(dir);
        addProvider(ws, dir);
        return dir;
    };
}

let tarball: string | undefined;
/** The npm package as users get it while it is unpublished: packed, then installed from the tarball. */
function packedPackage(ws: Workspace): string {
    tarball ??= path.join(
        ws.dir,
        execFileSync("npm", ["pack", "--workspace", "sdk", "--silent", "--pack-destination", ws.dir], { cwd: REPO, encoding: "utf8" })
            .trim()
            .split("\n")
            .pop()!,
    );
    return tarball;
}

const CONSUMERS: Consumer[] = [
    {
        name: "root project",
        prepare: rootCopy,
        config: {},
        components: ["hello"],
        urls: ["url"],
        rename: {
            file: "program/index.ts",
            from: "serviceArn: service.arn,",
            to: 'serviceArn: service.arn, connectionName: "hello-renamed",',
            connectionName: "hello-renamed",
        },
        bad: {
            edit: {
                file: "program/index.ts",
                from: "serviceArn: service.arn,\n    vpcId: vpc.id,",
                to: 'serviceArn: service.arn,\n    vpcId: "vpc-12345",',
            },
            message: validateEc2Id("vpcId", "vpc", "vpc-12345")[0],
        },
    },
    {
        name: "examples/typescript",
        prepare: (ws) => {
            const dir = ws.copyProject(path.join(REPO, "examples", "typescript"), "typescript");
            const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
            pkg.dependencies["@apprunner-private/apprunner-private"] = `file:${packedPackage(ws)}`;
            fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg, null, 2));
            ws.pulumi(dir, "install");
            return dir;
        },
        config: exampleConfig,
        components: ["api", "admin"],
        shared: "shared",
        urls: ["apiUrl", "adminUrl"],
        rename: {
            file: "index.ts",
            from: 'new PrivateEndpoint("api", {',
            to: 'new PrivateEndpoint("api", { connectionName: "api-renamed",',
            connectionName: "api-renamed",
        },
        bad: sameZone,
    },
    {
        name: "examples/python",
        prepare: providerExample("python"),
        config: exampleConfig,
        components: ["api", "admin"],
        shared: "shared",
        urls: ["apiUrl", "adminUrl"],
        rename: {
            file: "__main__.py",
            from: '"api", service_arn=',
            to: '"api", connection_name="api-renamed", service_arn=',
            connectionName: "api-renamed",
        },
        bad: sameZone,
    },
    {
        name: "examples/go",
        prepare: providerExample("go"),
        config: { ...exampleConfig, apiServiceArn: T.apiServiceArn, adminServiceArn: T.adminServiceArn },
        components: ["api", "admin"],
        shared: "shared",
        urls: ["apiUrl", "adminUrl"],
        rename: {
            file: "main.go",
            from: 'ServiceArn:    pulumi.String(cfg.Require("apiServiceArn")),',
            to: 'ServiceArn:    pulumi.String(cfg.Require("apiServiceArn")), ConnectionName: pulumi.String("api-renamed"),',
            connectionName: "api-renamed",
        },
        bad: sameZone,
    },
    {
        name: "examples/yaml",
        // `pulumi package add` writes the `packages:` entry the example carries (with a path relative to it).
        prepare: providerExample("yaml", (dir) =>
            edit(path.join(dir, "Pulumi.yaml"), "packages:\n  apprunner-private: ../../provider\n", ""),
        ),
        config: exampleConfig,
        components: ["api", "admin"],
        shared: "shared",
        urls: ["apiUrl", "adminUrl"],
        rename: {
            file: "Pulumi.yaml",
            from: "serviceArn: ${apiService.arn}",
            to: "serviceArn: ${apiService.arn}\n      connectionName: api-renamed",
            connectionName: "api-renamed",
        },
        bad: sameZone,
    },
];

const methods = (rs: Request[]) => rs.map((r) => r.method);

for (const consumer of CONSUMERS) {
    describe(`real engine: ${consumer.name}`, function () {
        this.timeout(20 * 60_000);
        const ws = new Workspace(consumer.name.replace(/\W+/g, "-"));
        let dir: string;
        const stack = "test";

        before(() => {
            enginePath();
            dir = consumer.prepare(ws);
            ws.pulumi(dir, "stack", "init", stack);
            configure(ws, dir, stack, consumer.config);
        });
        after(() => ws.dispose());

        it("previews with the values still unknown, and creates nothing", () => {
            const mark = ws.mark();
            const preview = JSON.parse(ws.pulumi(dir, "preview", "--stack", stack, "--json").stdout);
            const steps: { op: string; urn: string }[] = preview.steps;
            assert.ok(steps.length > 0 && steps.every((s) => s.op === "create"), JSON.stringify(steps.map((s) => s.op)));
            for (const c of consumer.components)
                assert.ok(
                    steps.some((s) => s.urn.endsWith(`${COMPONENT}::${c}`)),
                    c,
                );
            if (consumer.shared)
                assert.ok(
                    steps.some((s) => s.urn.endsWith(`${SHARED}::${consumer.shared}`)),
                    consumer.shared,
                );
            // The URL needs the connection's domain name, which only AWS can give.
            const outputs =
                preview.steps.find((s: any) => s.urn.endsWith("pulumi:pulumi:Stack::" + s.urn.split("::")[3]))?.newState?.outputs ?? {};
            for (const u of consumer.urls)
                assert.ok(outputs[u] === undefined || outputs[u] === "04da6b54-80e4-46f7-96ec-b56ff0331ba9", `${u}: ${outputs[u]}`);
            assert.deepEqual(
                methods(ws.requests(mark)).filter((m) => ["Create", "Update", "Delete"].includes(m)),
                [],
            );
        });

        it("deploys: a URL per service in AWS's format, one endpoint, one connection per service, every child parented", () => {
            const mark = ws.mark();
            ws.pulumi(dir, "up", "--stack", stack, "--yes", "--skip-preview");
            const outputs = JSON.parse(ws.pulumi(dir, "stack", "output", "--stack", stack, "--json").stdout);
            for (const u of consumer.urls) assert.match(outputs[u], URL, u);
            const requests = ws.requests(mark);
            assert.equal(creates(requests, VPC_ENDPOINT).length, 1);
            assert.equal(creates(requests, SECURITY_GROUP).length, 1);
            assert.deepEqual(
                creates(requests, CLOUDCONTROL_RESOURCE)
                    .map((r) => urnName(r.urn!))
                    .sort(),
                consumer.components.map((c) => `${c}-connection`).sort(),
            );
            assert.equal(ws.connections().length, consumer.components.length);

            const resources = ws.state(dir, stack);
            const components = new Map(
                resources.filter((r) => r.type === COMPONENT || r.type === SHARED).map((r) => [r.urn, urnName(r.urn)]),
            );
            assert.deepEqual(
                [...components.values()].sort(),
                [...consumer.components, ...(consumer.shared ? [consumer.shared] : [])].sort(),
            );
            const children = resources.filter((r) => [VPC_ENDPOINT, SECURITY_GROUP, CLOUDCONTROL_RESOURCE].includes(r.type));
            assert.equal(children.length, 2 + consumer.components.length);
            for (const child of children) {
                const owner = components.get(child.parent ?? "");
                assert.ok(owner !== undefined && urnName(child.urn).startsWith(`${owner}-`), `${child.urn} is parented to ${child.parent}`);
            }
        });

        it("finds no changes on a second preview", () => {
            ws.pulumi(dir, "preview", "--stack", stack, "--expect-no-changes");
        });

        it("replaces the connection delete-first when its name changes", () => {
            const { file, from, to, connectionName } = consumer.rename;
            edit(path.join(dir, file), from, to);
            const mark = ws.mark();
            ws.pulumi(dir, "up", "--stack", stack, "--yes", "--skip-preview");
            const connection = `${consumer.components[0]}-connection`;
            const order = ws
                .requests(mark)
                .filter((r) => (r.method === "Create" || r.method === "Delete") && r.urn && urnName(r.urn) === connection)
                .map((r) => r.method);
            assert.deepEqual(order, ["Delete", "Create"]);
            const renamed = ws.connections().find((c) => c.name === connectionName);
            assert.ok(renamed, `a connection named ${connectionName}`);
            assert.equal(ws.connections().length, consumer.components.length);
            edit(path.join(dir, file), to, from);
        });

        it("refuses a bad input with the component's message, creating nothing", () => {
            const bad = "bad";
            ws.pulumi(dir, "stack", "init", bad);
            configure(ws, dir, bad, { ...consumer.config, ...consumer.bad.config });
            if (consumer.bad.edit) edit(path.join(dir, consumer.bad.edit.file), consumer.bad.edit.from, consumer.bad.edit.to);
            const mark = ws.mark();
            try {
                const failed = ws.pulumiFails(dir, "up", "--stack", bad, "--yes");
                assert.ok(failed.output.replace(/\s+/g, " ").includes(consumer.bad.message), failed.output);
            } finally {
                if (consumer.bad.edit) edit(path.join(dir, consumer.bad.edit.file), consumer.bad.edit.to, consumer.bad.edit.from);
            }
            assert.deepEqual(
                methods(ws.requests(mark)).filter((m) => m === "Create"),
                [],
            );
            ws.pulumi(dir, "stack", "rm", "--stack", bad, "--yes");
        });

        it("destroys everything it created", () => {
            ws.pulumi(dir, "destroy", "--stack", stack, "--yes", "--skip-preview");
            assert.deepEqual(ws.connections(), []);
            assert.deepEqual(ws.leftovers(), []);
        });
    });
}
