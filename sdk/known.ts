// One way to check an input: now, if its value is known when the component is constructed; else when it resolves;
// never while it is unknown (a preview). Checks get the value and whether it is secret, so they can keep it out
// of their messages.
import * as pulumi from "@pulumi/pulumi";

/** What a check returns: complete messages, none when the value is valid. */
export type Problems = string[];
export type Check<T> = (value: T, secret: boolean) => Problems | Promise<Problems>;

/** An Output's value, whether it is known, and whether it is secret (the SDK keeps these on the Output itself). */
export async function resolve<T>(output: pulumi.Output<T>): Promise<{ known: boolean; value: T | undefined; secret: boolean }> {
    const o = output as unknown as { isKnown: Promise<boolean>; promise(): Promise<T> };
    const [known, secret] = await Promise.all([o.isKnown, pulumi.isSecret(output)]);
    return { known, value: known ? await o.promise() : undefined, secret };
}

/**
 * Is this input's value all there now: no Output, Promise or unknown anywhere inside? Resources count as values
 * (a resource passed where an ARN belongs is a mistake to report, not a value to wait for).
 */
export function isPlain(value: unknown): boolean {
    if (pulumi.Output.isInstance(value) || value instanceof Promise || pulumi.isUnknown(value)) return false;
    if (pulumi.Resource.isInstance(value)) return true;
    if (Array.isArray(value)) return value.every(isPlain);
    if (typeof value === "object" && value !== null) return Object.values(value).every(isPlain);
    return true;
}

/**
 * Runs `check` on the input's value: at once when the value is plain (the result is the check's own, so a
 * synchronous check's problems can refuse the component before anything is registered), else once the value
 * resolves; an unknown value (a preview) is not checked at all.
 */
export function whenKnown<T>(value: pulumi.Input<T> | undefined, check: Check<pulumi.Unwrap<T>>): Problems | Promise<Problems> {
    if (isPlain(value)) return check(value as pulumi.Unwrap<T>, false);
    return resolve(pulumi.output(value)).then((r) => (r.known ? check(r.value as pulumi.Unwrap<T>, r.secret) : []));
}

/** Problems found at construction, and those that come when values resolve or lookups answer. */
export class Checks {
    readonly now: Problems = [];
    readonly later: Promise<Problems>[] = [];
    private readonly regional: (() => Problems | Promise<Problems>)[] = [];
    private readonly lookups: (() => Problems | Promise<Problems>)[] = [];

    add(result: Problems | Promise<Problems>): void {
        if (Array.isArray(result)) this.now.push(...result);
        else this.later.push(result);
    }

    /** `whenKnown`, recorded; `undefined` (an optional input not given) is not checked. */
    input<T>(value: pulumi.Input<T> | undefined, check: Check<pulumi.Unwrap<T>>): void {
        if (value !== undefined) this.add(whenKnown(value, check));
    }

    /**
     * A check that asks AWS (a lookup): it runs only once every other check has passed, so a component refused for
     * its arguments asks AWS nothing.
     */
    lookup(run: () => Problems | Promise<Problems>): void {
        this.lookups.push(run);
    }

    /**
     * A check of the arguments against the provider's region: it runs once every other argument check has passed (the
     * region is an invoke, and a component refused for its arguments invokes nothing), before the lookups.
     */
    againstRegion(run: () => Problems | Promise<Problems>): void {
        this.regional.push(run);
    }

    /**
     * Every problem found later: those of the arguments, all at once, or when there is none, those of the arguments
     * against the region, or when there is none, those of the lookups, all at once. A check whose input itself failed
     * (a resource it comes from was not
     * created) finds nothing: that failure is reported where it happened, and must not hide the other problems.
     */
    async settled(): Promise<Problems> {
        const settle = (ps: Promise<Problems>[]) => Promise.all(ps.map((p) => p.catch((): Problems => []))).then((r) => r.flat());
        const run = (runs: (() => Problems | Promise<Problems>)[]) => settle(runs.map((r) => Promise.resolve().then(r)));
        const found = await settle(this.later);
        if (found.length > 0) return found;
        const regional = await run(this.regional);
        return regional.length > 0 ? regional : run(this.lookups);
    }
}
