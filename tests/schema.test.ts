// The committed provider schema is generated from sdk/'s types and doc comments, never edited by hand.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { PACKAGE_NAME, ROOT, SCHEMA_PATH, inferSchema } from "./schema";

const TOKEN = "apprunner-private:index:PrivateEndpoint";
const readJson = (...p: string[]) => JSON.parse(fs.readFileSync(path.join(ROOT, ...p), "utf8"));

describe("provider schema", function () {
    this.timeout(60_000);
    let inferred: any;
    const committed = JSON.parse(fs.readFileSync(SCHEMA_PATH, "utf8"));
    before(async () => {
        inferred = await inferSchema();
    });

    it("provider/schema.json equals the schema inferred from sdk/ (run `npm run schema` after changing the API)", () => {
        assert.deepEqual(committed, inferred);
    });

    it("names the package apprunner-private, at the npm package's version, with the PrivateEndpoint token", () => {
        const root = readJson("package.json");
        assert.equal(committed.name, PACKAGE_NAME);
        assert.equal(committed.version, root.version);
        assert.deepEqual(Object.keys(committed.resources), [TOKEN]);
        assert.equal(readJson("provider", "package.json").version, root.version);
        const stock = readJson("provider", "stock", "package.json");
        assert.deepEqual([stock.name, stock.version, stock.description], [root.name, root.version, root.description]);
    });

    it("has no plain input, so every input can take an Output from any language", () => {
        const inputs = committed.resources[TOKEN].inputProperties;
        assert.deepEqual(Object.keys(inputs).filter((k) => inputs[k].plain), []);
        assert.deepEqual(Object.keys(inputs).sort(), ["allowedCidrBlocks", "connectionName", "ipAddressType", "securityGroupIds", "serviceArn", "subnetIds", "tags", "vpcEndpointId", "vpcId"]);
        assert.deepEqual(committed.resources[TOKEN].requiredInputs, ["serviceArn", "vpcId"]);
    });

    it("types ipAddressType as an enum of \"ipv4\" and \"dualstack\", so every language gets named constants", () => {
        assert.deepEqual(committed.resources[TOKEN].inputProperties.ipAddressType.$ref, "#/types/apprunner-private:index:IpAddressType");
        assert.deepEqual(
            committed.types["apprunner-private:index:IpAddressType"].enum.map((e: any) => [e.name, e.value]),
            [["Ipv4", "ipv4"], ["Dualstack", "dualstack"]],
        );
    });

    it("describes every input and output, and every optional input states its default", () => {
        const r = committed.resources[TOKEN];
        for (const [k, p] of Object.entries<any>({ ...r.inputProperties, ...r.properties })) {
            assert.ok(typeof p.description === "string" && p.description.length > 20, `${k} has a description`);
        }
        for (const [k, p] of Object.entries<any>(r.inputProperties)) {
            assert.match(p.description, r.requiredInputs.includes(k) ? /Required\.$/ : /Default: /, k);
        }
        assert.deepEqual(Object.keys(r.properties).sort(), ["domainName", "securityGroupId", "status", "url", "vpcEndpointId", "vpcIngressConnectionArn"]);
    });
});
