package org.rescuegrid.simulators.internal.camera;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * The Netty HTTP server that carries one simulated camera: POSTs go to its SOAP services, GETs
 * under {@code /snapshot/} return JPEG snapshots. In silent mode it reads requests and never
 * responds, like a camera whose web server has hung.
 */
final class CameraHttpServer {

    private static final int MAX_REQUEST_BYTES = 256 * 1024;

    private final SimulatedCamera camera;
    private final boolean silent;
    private Channel channel;

    CameraHttpServer(SimulatedCamera camera, boolean silent) {
        this.camera = camera;
        this.silent = silent;
    }

    /** Binds the server and waits until it listens; throws if the port is taken. */
    void start(EventLoopGroup group, InetSocketAddress address) throws InterruptedException {
        channel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel socket) {
                        socket.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST_BYTES),
                                new RequestHandler());
                    }
                })
                .bind(address).sync().channel();
    }

    void stop() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
            channel = null;
        }
    }

    private final class RequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
            if (silent) {
                return;
            }
            String path = new QueryStringDecoder(request.uri()).path();
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (request.method().equals(HttpMethod.GET) && path.startsWith(SimulatedCamera.SNAPSHOT_PATH)) {
                String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
                send(context, camera.snapshot("GET", path, request.uri(), authorization), keepAlive);
                return;
            }
            if (!request.method().equals(HttpMethod.POST)) {
                send(context, Reply.text(405, "use POST for SOAP requests"), keepAlive);
                return;
            }
            byte[] body = ByteBufUtil.getBytes(request.content());
            camera.soap(path, body).whenComplete((reply, error) -> context.executor().execute(() ->
                    send(context, error == null ? reply : Reply.text(500, "simulator failed: " + error), keepAlive)));
        }

        private void send(ChannelHandlerContext context, Reply reply, boolean keepAlive) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(reply.status()), Unpooled.wrappedBuffer(reply.body()));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
            for (Map.Entry<String, List<String>> header : reply.headers().entrySet()) {
                response.headers().add(header.getKey(), header.getValue());
            }
            HttpUtil.setKeepAlive(response, keepAlive);
            var future = context.writeAndFlush(response);
            if (!keepAlive) {
                future.addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
