// `apprunner-private import-connections`: brings VPC ingress connections that exist in AWS into a stack as the Cloud
// Control resources PrivateEndpoint manages them as, with nothing replaced and nothing deleted in AWS. Two cases, one way:
//  - an upgrade: a stack an earlier release deployed keeps each connection as an `aws.apprunner.VpcIngressConnection`
//    child of its PrivateEndpoint; it is imported as the `aws.cloudcontrol.Resource` the component now registers, and
//    the old child is removed from the state (not from AWS);
//  - an adoption: a PrivateEndpoint with `adoptConnectionArn`, after its first deployment;
//  - a connection named on the command line (`--connection <component>=<ARN>`): one AWS made but whose answer was lost,
//    so that the stack never recorded it.
// Pulumi's `import` option cannot do it (the AWS provider has no importer for `aws.cloudcontrol.Resource`), but
// `pulumi import --file` can take a resource's state as given (its `inputs` and `outputs`, Pulumi CLI 3.276 and later),
// and `pulumi refresh` then reads it from AWS. What to import is what the program would create: a preview of the stack
// (which the component's hooks stop before anything is created) names each connection, its parent, provider and desired
// state exactly as the program gives them, so the imported state and the program agree. It runs the user's own `pulumi`,
// in their environment, on their stack: it is not part of the plan.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CONNECTION_SCHEMA } from "@apprunner-private/apprunner-private/aws";
import { Run, compareVersions } from "./engine";
import { PlanError } from "./project";

const TF_CONNECTION = "aws:apprunner/vpcIngressConnection:VpcIngressConnection";
const CLOUD_CONTROL = "aws:cloudcontrol/resource:Resource";
const CONNECTION_TYPE = "AWS::AppRunner::VpcIngressConnection";
const PRIVATE_ENDPOINT = "apprunner-private:index:PrivateEndpoint";
/** The first Pulumi CLI whose `pulumi import --file` takes a resource's outputs (pkg/resource/deploy/step.go ImportStep). */
export const MIN_IMPORT_PULUMI = "3.276.0";
const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";

/** One connection to import. */
export interface ConnectionImport {
    kind: "upgrade" | "adoption" | "named";
    /** The Cloud Control resource's URN, as the program registers it. */
    urn: string;
    name: string;
    /** The connection's ARN (the resource's id). */
    id: string;
    /** The PrivateEndpoint's URN. */
    parent: string;
    /** The provider reference (`<urn>::<id>`) the program gives it. */
    provider: string;
    inputs: Record<string, unknown>;
    /** For an upgrade, the earlier release's child, removed from the state once the connection is imported. */
    replaces?: string;
}

interface StateResource {
    urn: string;
    type: string;
    id?: string;
    parent?: string;
    inputs?: Record<string, any>;
    outputs?: Record<string, any>;
}

const typeOf = (urn: string) => urn.split("::")[2]?.split("$").pop() ?? "";
const nameOf = (urn: string) => urn.split("::").slice(3).join("::");
const hasSecret = (v: unknown): boolean =>
    Array.isArray(v)
        ? v.some(hasSecret)
        : typeof v === "object" && v !== null && (SECRET_SIGNATURE in v || Object.values(v).some(hasSecret));

/**
 * The connections a stack holds in AWS but not yet as the program's Cloud Control resources: from the stack's state (an
 * earlier release's child, or the component's `adoptConnectionArn`) and the creates a preview of the program plans.
 */
export function connectionsToImport(state: StateResource[], previewEvents: string, named: Record<string, string> = {}): ConnectionImport[] {
    const found: ConnectionImport[] = [];
    const problems: string[] = [];
    for (const line of previewEvents.split("\n")) {
        let step: any;
        try {
            step = JSON.parse(line).resourcePreEvent?.metadata;
        } catch {
            continue;
        }
        const s = step?.new;
        if (!s || step.op !== "create" || s.type !== CLOUD_CONTROL || typeOf(s.parent ?? "") !== PRIVATE_ENDPOINT) continue;
        if (s.inputs?.typeName !== CONNECTION_TYPE || found.some((f) => f.urn === s.urn)) continue;
        const earlier = state.find((r) => r.type === TF_CONNECTION && r.parent === s.parent);
        const component = state.find((r) => r.urn === s.parent);
        const adopted = named[nameOf(s.parent)] ?? component?.inputs?.adoptConnectionArn;
        const kind = earlier ? "upgrade" : nameOf(s.parent) in named ? "named" : typeof adopted === "string" ? "adoption" : undefined;
        if (!kind) continue; // a connection the program creates anew: nothing to import
        // The provider marks `schema` sensitive, so a preview shows it as a secret: the component gives its own copy of the
        // type's schema, and the import takes that copy (the next update compares it with the program's, and finds it equal).
        const { schema, ...rest } = s.inputs as Record<string, unknown>;
        const inputs = { ...rest, ...(schema === undefined ? {} : { schema: hasSecret(schema) ? CONNECTION_SCHEMA : schema }) };
        if (hasSecret(rest)) {
            problems.push(
                `${nameOf(s.urn)}: its desired state holds a secret, which a preview does not show; import ` +
                    `it by hand (README, "Upgrading").`,
            );
            continue;
        }
        found.push({
            kind,
            urn: s.urn,
            name: nameOf(s.urn),
            id: kind === "upgrade" ? earlier!.id! : adopted,
            parent: s.parent,
            provider: s.provider ?? "",
            inputs,
            ...(earlier ? { replaces: earlier.urn } : {}),
        });
    }
    if (problems.length > 0) throw new PlanError(problems.join("\n"));
    return found;
}

/** The connection as Cloud Control reads it, from an earlier release's child (refreshed afterwards anyway). */
function propertiesOf(earlier: StateResource | undefined): string | undefined {
    const o = earlier?.outputs;
    if (!o?.arn) return undefined;
    return JSON.stringify({
        VpcIngressConnectionArn: o.arn,
        VpcIngressConnectionName: o.name,
        ServiceArn: o.serviceArn,
        Status: o.status,
        DomainName: o.domainName,
        IngressVpcConfiguration: { VpcId: o.ingressVpcConfiguration?.vpcId, VpcEndpointId: o.ingressVpcConfiguration?.vpcEndpointId },
    });
}

/** The file `pulumi import --file` takes: each connection under its component, with its provider, as the program has it. */
export function importFile(imports: ConnectionImport[], state: StateResource[]): Record<string, unknown> {
    const nameTable: Record<string, string> = {};
    const nameOfUrn = (urn: string) => {
        const key = Object.keys(nameTable).find((k) => nameTable[k] === urn) ?? `r${Object.keys(nameTable).length}`;
        nameTable[key] = urn;
        return key;
    };
    const resources = imports.map((c) => {
        const providerUrn = c.provider.split("::").slice(0, -1).join("::");
        const properties = propertiesOf(state.find((r) => r.urn === c.replaces));
        return {
            type: CLOUD_CONTROL,
            name: c.name,
            id: c.id,
            parent: nameOfUrn(c.parent),
            ...(providerUrn ? { provider: nameOfUrn(providerUrn) } : {}),
            inputs: c.inputs,
            outputs: { ...c.inputs, ...(properties ? { properties } : {}) },
        };
    });
    return { nameTable, resources };
}

export interface ImportOptions {
    cwd: string;
    stack?: string;
    pulumi: string;
    env: NodeJS.ProcessEnv;
    dryRun?: boolean;
    /** Connections to import by the PrivateEndpoint's name: `api` → its connection's ARN. */
    named?: Record<string, string>;
    run: (args: string[], opts?: { onLine?: (line: string) => void; env?: NodeJS.ProcessEnv }) => Promise<Run>;
    say: (line: string) => void;
}

/** Finds the connections to import, and (unless a dry run) imports them: the commands README's "Upgrading" lists. */
export async function importConnections(o: ImportOptions): Promise<{ imported: ConnectionImport[]; file?: string }> {
    const stack = o.stack ? ["--stack", o.stack] : [];
    const must = async (args: string[], env?: NodeJS.ProcessEnv) => {
        const r = await o.run([...args, ...stack], { env });
        if (r.code !== 0) throw new PlanError(`pulumi ${args.join(" ")} exited ${r.code}:\n${(r.stderr || r.stdout).trim()}`);
        return r;
    };
    const version = (await o.run(["version"])).stdout.trim();
    if (compareVersions(version, MIN_IMPORT_PULUMI) < 0) {
        throw new PlanError(
            `pulumi ${version} cannot import a Cloud Control resource from its state: \`pulumi import --file\` takes outputs from Pulumi ` +
                `${MIN_IMPORT_PULUMI} on. Upgrade the Pulumi CLI.`,
        );
    }
    // The preview stops at the first connection a component refuses to create (that is the point), so each pass imports
    // what it named, and the next previews again, until a preview names nothing left to import.
    const imported: ConnectionImport[] = [];
    for (let pass = 1; ; pass++) {
        const exported = JSON.parse((await must(["stack", "export"])).stdout);
        const state: StateResource[] = exported.deployment?.resources ?? [];
        o.say(`previewing the stack to find the connections its program manages (pass ${pass})...`);
        const preview = await o.run(["preview", "--json", ...stack], { env: { ...o.env, PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "1" } });
        const imports = connectionsToImport(state, preview.stdout, o.named).filter((c) => !imported.some((i) => i.urn === c.urn));
        if (imports.length === 0) break;
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "apprunner-import-")), "import.json");
        fs.writeFileSync(file, JSON.stringify(importFile(imports, state), null, 2), { mode: 0o600 });
        for (const c of imports) o.say(`${c.kind === "upgrade" ? "upgrade" : "adopt"}: ${c.name} (${c.id})`);
        const unknown = Object.keys(o.named ?? {}).filter((n) => !imported.concat(imports).some((c) => nameOf(c.parent) === n));
        if (pass === 1 && unknown.length > 0 && imports.every((c) => c.kind !== "named")) {
            throw new PlanError(`--connection names ${unknown.join(", ")}, which the preview does not show creating a connection.`);
        }
        if (o.dryRun) {
            o.say(`dry run: the import file is ${file}; nothing was changed (a real run may find more in later passes).`);
            return { imported: imports, file };
        }
        // The earlier release's children are protected first: if anything below fails, a `pulumi up` refuses to delete
        // them (which would delete the connections in AWS) instead of doing it.
        for (const c of imports) if (c.replaces) await must(["state", "protect", c.replaces, "--yes"]);
        await must(["import", "--file", file, "--yes", "--generate-code=false", "--protect=false", "--skip-preview"]);
        for (const c of imports) if (c.replaces) await must(["state", "delete", c.replaces, "--force", "--yes"]);
        await must(["refresh", "--yes", "--skip-preview", ...imports.flatMap((c) => ["--target", c.urn])]);
        fs.rmSync(path.dirname(file), { recursive: true, force: true });
        imported.push(...imports);
    }
    if (imported.length === 0) {
        o.say("nothing to import: every PrivateEndpoint's connection is in the stack as the program has it.");
        return { imported };
    }
    o.say(
        `imported ${imported.length} connection${imported.length === 1 ? "" : "s"}; \`pulumi up\` ` +
            `now changes nothing about ${imported.length === 1 ? "it" : "them"}.`,
    );
    return { imported };
}
