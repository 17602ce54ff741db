// Reports the user's activity in the page to the server's idle clock, at most once per `everyMs`.
const events = ["pointerdown", "pointermove", "keydown", "wheel", "touchstart", "scroll", "input"];

export function listen(dotnet, everyMs) {
    let last = 0;
    const onActivity = () => {
        const now = Date.now();
        if (now - last < everyMs) {
            return;
        }

        last = now;
        dotnet.invokeMethodAsync("OnActivity").catch(() => { /* the circuit is gone */ });
    };

    for (const name of events) {
        document.addEventListener(name, onActivity, { capture: true, passive: true });
    }

    return {
        stop() {
            for (const name of events) {
                document.removeEventListener(name, onActivity, { capture: true });
            }
        },
    };
}
