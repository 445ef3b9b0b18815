package org.rescuegrid.driver.support;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.service.ServiceHelper;
import org.rescuegrid.api.bus.BusEndpoints;
import org.rescuegrid.api.event.DeviceEvent;
import org.rescuegrid.api.position.PositionFix;

/**
 * Sends records to the bus endpoints, which reply after the commit and fail when nothing was stored.
 *
 * <p>The asynchronous methods send through an {@link AsyncProducer} on the caller's thread, so records
 * reach the store in the order the driver decoded them. The store queues a fix for its group commit and
 * completes the exchange later on its writer thread, so the caller's thread is free meanwhile. Device
 * events are still committed on the caller's thread before {@link #storeAsync(DeviceEvent)} returns.
 */
public final class BusRecordSink implements RecordSink {

    private final ProducerTemplate template;
    private volatile AsyncProducer positions;
    private volatile AsyncProducer events;

    public BusRecordSink(ProducerTemplate template) {
        this.template = template;
    }

    @Override
    public void store(PositionFix fix) {
        template.requestBody(BusEndpoints.POSITION, fix);
    }

    @Override
    public void store(DeviceEvent event) {
        template.requestBody(BusEndpoints.DEVICE_EVENT, event);
    }

    @Override
    public CompletableFuture<?> storeAsync(PositionFix fix) {
        if (positions == null) {
            positions = startProducer(BusEndpoints.POSITION);
        }
        return request(positions, fix);
    }

    @Override
    public CompletableFuture<?> storeAsync(DeviceEvent event) {
        if (events == null) {
            events = startProducer(BusEndpoints.DEVICE_EVENT);
        }
        return request(events, event);
    }

    private AsyncProducer startProducer(String uri) {
        try {
            AsyncProducer producer = template.getCamelContext().getEndpoint(uri).createAsyncProducer();
            ServiceHelper.startService(producer);
            return producer;
        } catch (Exception e) {
            throw new IllegalStateException("producer for " + uri + " could not be started: " + e.getMessage(), e);
        }
    }

    private static CompletableFuture<Object> request(AsyncProducer producer, Object body) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        Endpoint endpoint = producer.getEndpoint();
        Exchange exchange = endpoint.createExchange(ExchangePattern.InOut);
        exchange.getMessage().setBody(body);
        try {
            producer.process(exchange, doneSync -> {
                Exception failure = exchange.getException();
                if (failure != null) {
                    result.completeExceptionally(new CamelExecutionException(failure.getMessage(), exchange, failure));
                } else {
                    result.complete(exchange.getMessage().getBody());
                }
            });
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
        return result;
    }
}
