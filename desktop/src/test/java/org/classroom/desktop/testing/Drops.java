package org.classroom.desktop.testing;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.io.File;
import java.nio.file.Path;
import java.security.AccessControlContext;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * Drops files on a node as the window system would: TestFX cannot drag files in from outside, so
 * this builds a dragboard holding them and fires DRAG_OVER and DRAG_DROPPED at the node.
 */
public final class Drops {

    private Drops() {
    }

    /** Fires the drop (call on the FX thread); returns whether the target accepted it. */
    public static boolean drop(Node target, List<Path> files) {
        Dragboard board = DragboardHelper.createDragboard(new MemoryClipboard());
        DragboardHelper.setDataAccessRestriction(board, false);
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putFiles(files.stream().map(Path::toFile).toList());
        board.setContent(content);
        var bounds = target.localToScreen(target.getBoundsInLocal());
        double x = bounds == null ? 10 : bounds.getCenterX();
        double y = bounds == null ? 10 : bounds.getCenterY();
        DragEvent over = new DragEvent(DragEvent.DRAG_OVER, board, 10, 10, x, y, TransferMode.COPY, null, target, null);
        Event.fireEvent(target, over);
        DragEvent dropped = new DragEvent(DragEvent.DRAG_DROPPED, board, 10, 10, x, y, TransferMode.COPY, null, target, null);
        Event.fireEvent(target, dropped);
        return board.hasFiles();
    }

    /** A clipboard that keeps its content in memory. */
    private static final class MemoryClipboard implements TKClipboard {
        private final Map<DataFormat, Object> content = new HashMap<>();
        private Image view;
        private double offsetX;
        private double offsetY;

        @SuppressWarnings("removal")
        @Override
        public void setSecurityContext(AccessControlContext context) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return content.keySet();
        }

        @SafeVarargs
        @Override
        public final boolean putContent(Pair<DataFormat, Object>... pairs) {
            for (Pair<DataFormat, Object> pair : pairs) {
                content.put(pair.getKey(), pair.getValue());
            }
            return true;
        }

        @Override
        public Object getContent(DataFormat format) {
            Object value = content.get(format);
            if (format == DataFormat.FILES && value instanceof List<?> list) {
                return list.stream().map(f -> (File) f).toList();
            }
            return value;
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return content.containsKey(format);
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return EnumSet.of(TransferMode.COPY);
        }

        @Override
        public void setDragView(Image image) {
            view = image;
        }

        @Override
        public void setDragViewOffsetX(double x) {
            offsetX = x;
        }

        @Override
        public void setDragViewOffsetY(double y) {
            offsetY = y;
        }

        @Override
        public Image getDragView() {
            return view;
        }

        @Override
        public double getDragViewOffsetX() {
            return offsetX;
        }

        @Override
        public double getDragViewOffsetY() {
            return offsetY;
        }
    }
}
