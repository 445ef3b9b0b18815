package org.rescuegrid.onvif.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.rescuegrid.onvif.OnvifException;
import org.rescuegrid.onvif.OnvifUnreachableException;

/** Waits for the client's asynchronous calls on behalf of its blocking methods. */
public final class Futures {

    private Futures() {
    }

    /** Blocks until {@code future} completes and returns its value, or throws the OnvifException it failed with. */
    public static <T> T await(CompletableFuture<T> future) throws OnvifException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw OnvifException.from(e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new OnvifUnreachableException("the call was interrupted", e);
        } catch (CancellationException e) {
            throw new OnvifUnreachableException("the call was cancelled", e);
        }
    }

    /** Wraps an OnvifException so that it can complete a future from a lambda. */
    public static CompletionException wrap(OnvifException error) {
        return new CompletionException(error);
    }
}
