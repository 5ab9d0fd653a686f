// Infers the component provider's schema from sdk/ with Pulumi's own ComponentProvider (the TypeScript
// analysis the stock host runs), so the committed provider/schema.json is generated, never hand-written.
// `npm run schema` rewrites it; tests/schema.test.ts fails when it drifts.
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { InterfaceEndpoint } from "../sdk/interfaceEndpoint";
import { PrivateEndpoint } from "../sdk/privateEndpoint";

export const ROOT = path.resolve(__dirname, "..", "..");
export const SCHEMA_PATH = path.join(ROOT, "provider", "schema.json");
export const PACKAGE_NAME = "apprunner-private";

/**
 * Names for the SDKs `pulumi package add` generates, set deliberately: from the package's name and namespace alone,
 * Pulumi's generators would name the Python package `apprunner_private_apprunner_private` (seen in the real-engine
 * tests). Go's import path is the generator's default, spelled out so that it cannot move.
 */
export const LANGUAGE = {
    python: { packageName: "apprunner_private" },
    go: { importBasePath: "github.com/apprunner-private/pulumi-apprunner-private/sdk/go/apprunnerprivate" },
};

export async function inferSchema(): Promise<any> {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "sdk", "package.json"), "utf8"));
    const provider = new ComponentProvider({
        name: PACKAGE_NAME,
        namespace: PACKAGE_NAME,
        version,
        dirname: path.join(ROOT, "tests", "stock-provider"),
        components: [PrivateEndpoint, InterfaceEndpoint],
    });
    const schema = JSON.parse(await provider.getSchema());
    inheritDescriptions(schema);
    for (const [language, options] of Object.entries(LANGUAGE)) schema.language[language] = { ...schema.language[language], ...options };
    return schema;
}

if (require.main === module) {
    inferSchema().then((schema) => {
        fs.writeFileSync(SCHEMA_PATH, JSON.stringify(schema, null, 2) + "\n");
        console.log(`wrote ${path.relative(ROOT, SCHEMA_PATH)}`);
    });
}

/**
 * An argument a component's args interface redeclares from a base interface (InterfaceEndpointArgs makes EndpointArgs's
 * optional `subnetIds` required) has no comment of its own. TypeScript, and every editor, then shows the base's comment;
 * Pulumi's analyser reads only a member's own, and would leave the argument undescribed. This gives the schema what
 * TypeScript gives, so the comment is written once. Only sdk/'s own files are parsed (~0.1 s): the bases are there.
 */
export function inheritDescriptions(schema: any): void {
    const sdk = path.join(ROOT, "sdk");
    const files = fs
        .readdirSync(sdk, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !/^(bin|node_modules)\b/.test(f))
        .map((f) => path.join(sdk, f));
    const program = ts.createProgram(files, { noResolve: true, noLib: true, types: [] });
    const checker = program.getTypeChecker();
    for (const file of files) {
        for (const node of program.getSourceFile(file)!.statements) {
            const token = ts.isClassDeclaration(node) && node.name ? `${PACKAGE_NAME}:index:${node.name.text}` : undefined;
            const inputs = token && schema.resources[token]?.inputProperties;
            if (!inputs) continue;
            const ctor = (node as ts.ClassDeclaration).members.find(ts.isConstructorDeclaration)!;
            const args = ctor.parameters.find((p) => p.name.getText() === "args")!;
            for (const member of checker.getTypeAtLocation(args.type!).getProperties()) {
                const input = inputs[member.name];
                if (input && input.description === undefined)
                    input.description = ts.displayPartsToString(member.getDocumentationComment(checker)) || undefined;
            }
        }
    }
}
