// The component provider when the engine goes away in the middle of a Construct (a deployment cancelled or failed
// elsewhere): the engine has already reported what happened, so the plugin must exit quietly, never print Node's
// unhandled-rejection dump of "14 UNAVAILABLE: resource monitor shut down". A race seen in one of three Go runs, so the
// case is repeated; it runs here, beside the real-engine tests, for its time (a plugin started each round), against the
// fake engine of the wire tests, which can be shut down at the exact moment. Without the fix (provider.ts, engineGone)
// every round that goes at the outputs printed "Error: 1 CANCELLED: Call cancelled" and its stack, twice.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { TOPOLOGY as T } from "../../plan/aws";
import { AwsMocks } from "../mocks";
import { ROOT } from "../schema";
import { FakeEngine, ProviderProcess } from "../wire";

const ROUNDS = 12;

describe("component provider: the engine gone mid-Construct", function () {
    this.timeout(5 * 60_000);

    it(`exits quietly, nothing on stderr, every one of ${ROUNDS} rounds`, async () => {
        const dumps: string[] = [];
        for (let round = 0; round < ROUNDS; round++) {
            const engine = await new FakeEngine(new AwsMocks()).start();
            const provider = await ProviderProcess.start(path.join(ROOT, "provider"), engine.address);
            // Even rounds: the engine goes while the plugin sends the component's outputs (the Construct's last call).
            // Odd rounds: the connection's registration never answers, and the engine goes with it in flight.
            const atOutputs = round % 2 === 0;
            const gone = new Promise<void>((resolve) => {
                if (atOutputs) {
                    engine.onOutputs = () => {
                        engine.stop();
                        resolve();
                    };
                } else {
                    engine.hold("api-connection", new Promise(() => undefined));
                }
            });
            const construct = provider
                .construct({
                    engine,
                    name: "api",
                    inputs: { serviceArn: T.apiServiceArn, vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB] },
                })
                .catch(() => undefined);
            if (!atOutputs) {
                const deadline = Date.now() + 20_000;
                while (!engine.registrations.some((r) => r.name === "api-connection") && Date.now() < deadline) {
                    await new Promise((r) => setTimeout(r, 20));
                }
                assert.ok(
                    engine.registrations.some((r) => r.name === "api-connection"),
                    `round ${round}: the Construct reached its connection`,
                );
                engine.stop();
            } else {
                await Promise.race([
                    gone,
                    new Promise((_, reject) => setTimeout(() => reject(new Error(`round ${round}: no outputs`)), 20_000)),
                ]);
            }
            // Either the plugin exits by itself, or it stays quiet until the engine (here, the test) stops it.
            await Promise.race([new Promise((r) => provider.child.once("exit", r)), new Promise((r) => setTimeout(r, 3000))]);
            await provider.stop();
            await construct;
            const stderr = provider.stderr.join("");
            if (stderr.trim() !== "")
                dumps.push(`round ${round} (${atOutputs ? "at outputs" : "mid-registration"}): ${stderr.split("\n")[0]}`);
        }
        assert.deepEqual(dumps, []);
    });
});
