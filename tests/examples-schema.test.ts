// The YAML example against the committed schema: YAML has no compiler, so this test is its type check.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as yaml from "js-yaml";
import * as path from "node:path";
import { ROOT, SCHEMA_PATH } from "./schema";

const TOKEN = "apprunner-private:index:PrivateEndpoint";
const SHARED = "apprunner-private:index:InterfaceEndpoint";
const schemas = JSON.parse(fs.readFileSync(SCHEMA_PATH, "utf8")).resources;
const program: any = yaml.load(fs.readFileSync(path.join(ROOT, "examples", "yaml", "Pulumi.yaml"), "utf8"));
const components = Object.entries<any>(program.resources).filter(([, r]) => r.type === TOKEN || r.type === SHARED);

/** Does a literal YAML value fit a schema type? `${...}` expressions are typed by the program, not here. */
function fits(value: unknown, type: any): boolean {
    if (typeof value === "string" && /^\$\{[^}]+\}$/.test(value)) return true;
    switch (type.type) {
        case "string":
            return typeof value === "string";
        case "array":
            return Array.isArray(value) && value.every((v) => fits(v, type.items));
        case "object":
            return (
                typeof value === "object" &&
                value !== null &&
                !Array.isArray(value) &&
                Object.values(value).every((v) => fits(v, type.additionalProperties))
            );
        default:
            return false;
    }
}

describe("examples/yaml against the committed schema", () => {
    it("declares the provider package, shares an InterfaceEndpoint and uses the PrivateEndpoint token twice", () => {
        assert.equal(program.packages["apprunner-private"], "../../provider");
        assert.deepEqual(
            components.map(([name, r]) => `${r.type}::${name}`),
            [`${SHARED}::shared`, `${TOKEN}::api`, `${TOKEN}::admin`],
        );
    });

    for (const [name, resource] of components) {
        it(`${name}: every property is a schema input of the right type, and the required ones are set`, () => {
            const own = schemas[resource.type];
            for (const [key, value] of Object.entries(resource.properties)) {
                assert.ok(key in own.inputProperties, `${key} is an input of ${resource.type}`);
                assert.ok(
                    fits(value, own.inputProperties[key]),
                    `${key}: ${JSON.stringify(value)} fits ${JSON.stringify(own.inputProperties[key])}`,
                );
            }
            for (const key of own.requiredInputs) assert.ok(key in resource.properties, `${key} is set`);
            if (resource.type === TOKEN)
                assert.equal(
                    ["subnetIds", "vpcEndpointId"].filter((k) => k in resource.properties).length,
                    1,
                    "exactly one of subnetIds, vpcEndpointId",
                );
        });
    }

    it("reads only outputs the schema declares", () => {
        const text = JSON.stringify(program);
        const reads = [...text.matchAll(/\$\{(api|admin|shared)\.([A-Za-z]+)\}/g)].map((m) => [m[1], m[2]]);
        assert.ok(reads.length >= 5);
        for (const [name, key] of reads) {
            const token = name === "shared" ? SHARED : TOKEN;
            assert.ok(key in schemas[token].properties, `${key} is an output of ${token}`);
        }
    });

    it("keeps both services private", () => {
        for (const r of Object.values<any>(program.resources).filter((r) => r.type === "aws:apprunner:Service")) {
            assert.equal(r.properties.networkConfiguration.ingressConfiguration.isPubliclyAccessible, false);
        }
    });
});
