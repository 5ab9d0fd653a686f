// Infers the component provider's schema from sdk/ with Pulumi's own ComponentProvider (the TypeScript
// analysis the stock host runs), so the committed provider/schema.json is generated, never hand-written.
// `npm run schema` rewrites it; tests/schema.test.ts fails when it drifts.
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import * as fs from "node:fs";
import * as path from "node:path";
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
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const provider = new ComponentProvider({
        name: PACKAGE_NAME,
        namespace: PACKAGE_NAME,
        version,
        dirname: path.join(ROOT, "provider", "stock"),
        components: [PrivateEndpoint, InterfaceEndpoint],
    });
    const schema = JSON.parse(await provider.getSchema());
    for (const [language, options] of Object.entries(LANGUAGE)) schema.language[language] = { ...schema.language[language], ...options };
    return schema;
}

if (require.main === module) {
    inferSchema().then((schema) => {
        fs.writeFileSync(SCHEMA_PATH, JSON.stringify(schema, null, 2) + "\n");
        console.log(`wrote ${path.relative(ROOT, SCHEMA_PATH)}`);
    });
}
