// The validators of names and tags (pure functions, full messages), and how every message echoes a value.
import * as assert from "node:assert/strict";
import {
    bare,
    show,
    validateConnectionName,
    validateEc2IdList,
    validateProviderRegion,
    validateServiceArn,
    validateServiceNotConnected,
    validateTags,
} from "../sdk/validation";
import { ARN, REGIONS, table } from "./validation-fixtures";

describe("validation (pure functions, full messages)", () => {
    describe("validateConnectionName", () => {
        table(validateConnectionName, [
            ["api1", []],
            ["a".repeat(40), []],
            ["Payments_api-2", []],
            [
                "ab",
                [
                    '`connectionName` must be 4 to 40 characters, got: 2 characters ("ab"). Choose a name of ' +
                        "that length, or omit it to let AWS name the connection.",
                ],
            ],
            [
                "a".repeat(41),
                [
                    `\`connectionName\` must be 4 to 40 characters, got: 41 characters ("${"a".repeat(41)}"). ` +
                        `Choose a name of that length, or omit it to let AWS name the connection.`,
                ],
            ],
            [
                "my api.conn",
                [
                    "`connectionName` must start with a letter or digit and contain only letters, digits, " +
                        'hyphens and underscores, got: "my api.conn". Use e.g. "my-api-conn".',
                ],
            ],
            [
                "-api",
                [
                    "`connectionName` must start with a letter or digit and contain only letters, digits, " +
                        'hyphens and underscores, got: "-api". Rename it.',
                ],
            ],
        ]);
        it("never echoes a secret name, nor a suggestion derived from it", () => {
            assert.deepEqual(validateConnectionName("my api", true), [
                "`connectionName` must start with a letter or digit and contain only letters, digits, " +
                    "hyphens and underscores, got: [secret]. Rename it.",
            ]);
            assert.deepEqual(validateConnectionName("ab", true), [
                "`connectionName` must be 4 to 40 characters, got: 2 characters. Choose a name of that " +
                    "length, or omit it to let AWS name the connection.",
            ]);
        });
    });

    describe("validateTags", () => {
        const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]));
        table(validateTags, [
            [{ team: "payments", "": "x".repeat(0) }, ['`tags` keys must be 1 to 127 characters, got: 0 characters (""). Name the key.']],
            [{ team: "payments", env: "" }, []],
            [many, ["`tags` must have at most 50 tags (the AWS limit), got: 51. Remove 1."]],
            [
                { ["k".repeat(129)]: "v" },
                [`\`tags\` keys must be 1 to 127 characters, got: 129 characters ("${"k".repeat(129)}"). Shorten the key.`],
            ],
            [
                { note: "v".repeat(257) },
                ['`tags` values must be at most 256 characters, got: 257 characters for key "note". Shorten the value.'],
            ],
            [
                { "aws:owner": "me" },
                ['`tags` keys must not start with "aws:" (reserved for AWS), got: "aws:owner". Rename the key, e.g. "owner".'],
            ],
            [
                { "AWS:cost": "me" },
                ['`tags` keys must not start with "aws:" (reserved for AWS), got: "AWS:cost". Rename the key, e.g. "cost".'],
            ],
            [{ count: 5 } as any, ['`tags` values must be strings, got: 5 for key "count". Quote the value.']],
            [
                { team: null } as any,
                ['`tags` values must be strings, got: null for key "team". Give the tag a value ("" for an empty one), or remove the key.'],
            ],
            [
                { team: undefined } as any,
                [
                    '`tags` values must be strings, got: undefined for key "team". Give the tag a value ("" for ' +
                        "an empty one), or remove the key.",
                ],
            ],
            [["a"] as any, ['`tags` must be a map of strings, got: ["a"]. Pass e.g. { team: "payments" }.']],
        ]);
        it("never echoes secret keys or values", () => {
            assert.deepEqual(validateTags({ "aws:owner": "me", n: 5 }, true), [
                '`tags` keys must not start with "aws:" (reserved for AWS), got: [secret]. Rename the key.',
                "`tags` values must be strings, got: [secret] for key [secret]. Quote the value.",
            ]);
        });
    });

    describe("bounded echoes: a value is cut at 200 characters, saying how much was cut", () => {
        const MB = 1 << 20;
        const a = (n: number) => "a".repeat(n);
        it("strings of up to 200 characters are echoed whole, quoted", () => {
            assert.equal(show(a(200)), `"${a(200)}"`);
            assert.equal(show('say "hi"'), '"say \\"hi\\""');
        });
        it("longer strings: the first 200 characters, and the length and how many are not shown", () => {
            assert.equal(show(a(201)), `"${a(200)}…" (201 characters, 1 not shown)`);
            assert.equal(show(a(MB)), `"${a(200)}…" (1048576 characters, 1048376 not shown)`);
        });
        it("never cuts a character in half (a UTF-16 surrogate pair)", () => {
            assert.equal(show(`${a(199)}😀b`), `"${a(199)}…" (202 characters, 3 not shown)`);
        });
        it("other values: their JSON, cut the same way and counted as JSON", () => {
            const ids = Array.from({ length: 40 }, (_, i) => `subnet-${String(i).padStart(8, "0")}`);
            const json = JSON.stringify(ids);
            assert.equal(show(ids), `${json.slice(0, 200)}… (${json.length} characters of JSON, ${json.length - 200} not shown)`);
            assert.equal(show({ team: "payments" }), '{"team":"payments"}');
        });
        it("a secret is never echoed, whatever its length; unquoted echoes are cut too", () => {
            assert.equal(show(a(MB), true), "[secret]");
            assert.equal(bare(a(MB)), `${a(200)}… (1048576 characters, 1048376 not shown)`);
            assert.equal(bare("us-east-1"), "us-east-1");
        });
        it("a 1 MB argument gives messages of a few hundred characters", () => {
            const messages = [
                ...validateServiceArn(a(MB)),
                ...validateConnectionName(`${a(MB)} x`),
                ...validateTags({ [a(MB)]: "v", note: a(MB) }),
                ...validateProviderRegion(a(MB)),
                ...validateEc2IdList("subnetIds", "subnet", [a(MB)]),
            ];
            assert.deepEqual(messages, [
                `\`serviceArn\` must be an App Runner service ARN ` +
                    `(arn:aws:apprunner:<region>:<account>:service/<name>/<id>), got: "${a(200)}…" (1048576 ` +
                    `characters, 1048376 not shown). Pass the service's \`arn\` output, e.g. \`service.arn\`, ` +
                    `not its name, id or URL.`,
                "`connectionName` must be 4 to 40 characters, got: 1048578 characters. Choose a name of " +
                    "that length, or omit it to let AWS name the connection.",
                `\`connectionName\` must start with a letter or digit and contain only letters, digits, ` +
                    `hyphens and underscores, got: "${a(200)}…" (1048578 characters, 1048378 not shown). Rename ` +
                    `it.`,
                "`tags` keys must be 1 to 127 characters, got: 1048576 characters. Shorten the key.",
                '`tags` values must be at most 256 characters, got: 1048576 characters for key "note". Shorten the value.',
                `The AWS provider's region must be one where App Runner exists (${REGIONS}), got: ` +
                    `${a(200)}… (1048576 characters, 1048376 not shown). Set \`aws:region\` to one of them, or ` +
                    `give this component a provider for one (the \`provider\` option).`,
                `\`subnetIds[0]\` must be a subnet id (subnet- and 8 or 17 hexadecimal characters), got: ` +
                    `"${a(200)}…" (1048576 characters, 1048376 not shown). Pass subnet ids, e.g. \`subnet.id\`, ` +
                    `not names or CIDR blocks.`,
            ]);
            for (const m of messages) assert.ok(m.length < 1000, `${m.length} characters`);
        });
    });

    describe("validateServiceNotConnected", () => {
        it("accepts a service not connected yet", () => assert.deepEqual(validateServiceNotConnected(ARN, undefined), []));
        it("refuses a second connection", () =>
            assert.deepEqual(validateServiceNotConnected(ARN, "api"), [
                `\`serviceArn\` is already connected by PrivateEndpoint "api" in this program, got: ` +
                    `"${ARN}" again. An App Runner service can have only one VPC ingress connection: keep one ` +
                    `PrivateEndpoint for it and share its \`domainName\`.`,
            ]));
    });
});
