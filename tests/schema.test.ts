// The committed provider schema is generated from sdk/'s types and doc comments, never edited by hand.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { PACKAGE_NAME, ROOT, SCHEMA_PATH, inferSchema } from "./schema";

const TOKEN = "apprunner-private:index:PrivateEndpoint";
const SHARED = "apprunner-private:index:InterfaceEndpoint";
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

    it(
        "names the package apprunner-private, at the component package's version, with the " +
            "PrivateEndpoint and InterfaceEndpoint tokens",
        () => {
            const root = readJson("sdk", "package.json");
            assert.equal(committed.name, PACKAGE_NAME);
            assert.equal(committed.version, root.version);
            assert.deepEqual(Object.keys(committed.resources).sort(), [SHARED, TOKEN]);
            assert.equal(readJson("provider", "package.json").version, root.version);
            const stock = readJson("tests", "stock-provider", "package.json");
            assert.deepEqual([stock.name, stock.version, stock.description], [root.name, root.version, root.description]);
        },
    );

    it("has no plain input, so every input can take an Output from any language", () => {
        for (const token of [TOKEN, SHARED]) {
            const inputs = committed.resources[token].inputProperties;
            assert.deepEqual(
                Object.keys(inputs).filter((k) => inputs[k].plain),
                [],
                token,
            );
        }
        assert.deepEqual(Object.keys(committed.resources[TOKEN].inputProperties).sort(), [
            "adoptConnectionArn",
            "adoptSecurityGroupId",
            "adoptSharedSecurityGroup",
            "adoptVpcEndpointId",
            "allowedCidrBlocks",
            "allowedSecurityGroupIds",
            "connectionName",
            "ipAddressType",
            "securityGroupIds",
            "serviceArn",
            "subnetIds",
            "tags",
            "vpcEndpointId",
            "vpcId",
        ]);
        assert.deepEqual(committed.resources[TOKEN].requiredInputs, ["serviceArn", "vpcId"]);
        assert.deepEqual(Object.keys(committed.resources[SHARED].inputProperties).sort(), [
            "adoptFrom",
            "adoptSecurityGroupId",
            "adoptSharedSecurityGroup",
            "adoptVpcEndpointId",
            "allowedCidrBlocks",
            "allowedSecurityGroupIds",
            "ipAddressType",
            "securityGroupIds",
            "subnetIds",
            "tags",
            "vpcId",
        ]);
        assert.deepEqual(committed.resources[SHARED].requiredInputs, ["subnetIds", "vpcId"]);
        assert.deepEqual(Object.keys(committed.resources[SHARED].properties).sort(), ["securityGroupId", "vpcEndpointId", "vpcId"]);
    });

    it('types ipAddressType as an enum of "ipv4" and "dualstack", so every language gets named constants', () => {
        assert.deepEqual(committed.resources[TOKEN].inputProperties.ipAddressType.$ref, "#/types/apprunner-private:index:IpAddressType");
        assert.deepEqual(
            committed.types["apprunner-private:index:IpAddressType"].enum.map((e: any) => [e.name, e.value]),
            [
                ["Ipv4", "ipv4"],
                ["Dualstack", "dualstack"],
            ],
        );
    });

    it("describes every input and output, and every optional input states its default", () => {
        for (const token of [TOKEN, SHARED]) {
            const r = committed.resources[token];
            for (const [k, p] of Object.entries<any>({ ...r.inputProperties, ...r.properties })) {
                assert.ok(typeof p.description === "string" && p.description.length > 20, `${token} ${k} has a description`);
            }
            for (const [k, p] of Object.entries<any>(r.inputProperties)) {
                // A shared argument's one description serves both components: "Default (PrivateEndpoint): ...".
                assert.match(p.description, r.requiredInputs.includes(k) ? /\bRequired\b/ : /\bDefault( \(\w+\))?: /, `${token} ${k}`);
            }
        }
        const r = committed.resources[TOKEN];
        assert.deepEqual(Object.keys(r.properties).sort(), [
            "domainName",
            "securityGroupId",
            "status",
            "url",
            "vpcEndpointId",
            "vpcIngressConnectionArn",
        ]);
    });

    it("describes the arguments both components share in the same words, from one declaration (EndpointArgs)", () => {
        const [own, shared] = [committed.resources[TOKEN].inputProperties, committed.resources[SHARED].inputProperties];
        const both = Object.keys(own).filter((k) => k in shared);
        assert.deepEqual(both.sort(), [
            "adoptSecurityGroupId",
            "adoptSharedSecurityGroup",
            "adoptVpcEndpointId",
            "allowedCidrBlocks",
            "allowedSecurityGroupIds",
            "ipAddressType",
            "securityGroupIds",
            "subnetIds",
            "tags",
            "vpcId",
        ]);
        const described = (p: any) => ({ ...p, optional: undefined });
        for (const k of both) assert.deepEqual(described(shared[k]), described(own[k]), k);
        assert.equal(own.subnetIds.optional, true, "subnetIds is optional for a PrivateEndpoint (it can reuse an endpoint)");
        assert.ok(committed.resources[SHARED].requiredInputs.includes("subnetIds"), "and required for an InterfaceEndpoint");
    });
});
