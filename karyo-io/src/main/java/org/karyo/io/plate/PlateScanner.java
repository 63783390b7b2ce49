package org.karyo.io.plate;

import org.karyo.KaryoInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the IXM image files under a folder and checks they form one complete plate.
 *
 * <p>Time points and z steps come from {@code TimePoint_<n>} and {@code ZStep_<n>} folders anywhere between
 * the scanned folder and the file (MetaXpress nests them under date and plate-id folders). Files that are
 * not IXM image names (thumbnails, .HTD, databases) and hidden files are ignored.
 *
 * <p>A plate with holes is refused rather than analysed partially: a missing channel would silently drop
 * cells from one well's counts and bias the comparison between wells.
 */
public final class PlateScanner {
    private static final Pattern TIME_POINT = Pattern.compile("TimePoint_(\\d{1,9})", Pattern.CASE_INSENSITIVE);
    private static final Pattern Z_STEP = Pattern.compile("ZStep_(\\d{1,9})", Pattern.CASE_INSENSITIVE);

    private PlateScanner() {
    }

    public static PlateLayout scan(Path folder) throws KaryoInputException {
        if (!Files.isDirectory(folder)) {
            throw new KaryoInputException(folder, Files.exists(folder) ? "not a folder" : "no such folder");
        }
        List<PlateImage> images = find(folder);
        if (images.isEmpty()) {
            throw new KaryoInputException(folder, "no IXM image files found "
                    + "(expected names like <plate>_<well>_s<site>_w<channel>.tif, e.g. plate1_B03_s2_w1.tif)");
        }
        String plate = onePlate(folder, images);
        checkSiteNaming(folder, images);
        checkDuplicates(folder, images);
        checkComplete(folder, images);
        return new PlateLayout(plate, folder, images);
    }

    private static List<PlateImage> find(Path folder) throws KaryoInputException {
        List<PlateImage> out = new ArrayList<>();
        // Data is often linked into a work folder: follow links (a link loop is reported as a listing error).
        try (Stream<Path> walk = Files.walk(folder, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            // Names starting with "." are macOS AppleDouble shadows ("._plate1_A01_w1.tif") or partial writes.
            walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().forEach(p -> {
                Optional<ImageName> name = ImageName.parse(p.getFileName().toString());
                name.ifPresent(n -> out.add(new PlateImage(n, folderNumber(folder, p, TIME_POINT),
                        folderNumber(folder, p, Z_STEP), p)));
            });
        } catch (IOException | UncheckedIOException e) {
            throw new KaryoInputException(folder, "cannot list the folder (" + e.getMessage() + ")", e);
        }
        return out;
    }

    /** The number of the innermost TimePoint_/ZStep_ folder between root and file; 1 when there is none. */
    private static int folderNumber(Path root, Path file, Pattern folderName) {
        Path rel = root.relativize(file.getParent() == null ? file : file.getParent());
        for (int i = rel.getNameCount() - 1; i >= 0; i--) {
            Matcher m = folderName.matcher(rel.getName(i).toString());
            if (m.matches()) {
                return Integer.parseInt(m.group(1)); // at most 9 digits: cannot overflow
            }
        }
        return 1;
    }

    private static String onePlate(Path folder, List<PlateImage> images) throws KaryoInputException {
        Map<String, List<PlateImage>> byPlate = new TreeMap<>();
        for (PlateImage img : images) {
            byPlate.computeIfAbsent(img.name().plate(), k -> new ArrayList<>()).add(img);
        }
        if (byPlate.size() > 1) {
            StringBuilder sb = new StringBuilder("mixed plates: ");
            int shown = 0;
            for (Map.Entry<String, List<PlateImage>> e : byPlate.entrySet()) {
                if (shown++ == 3) {
                    sb.append(" and ").append(byPlate.size() - 3).append(" more");
                    break;
                }
                if (shown > 1) sb.append(", ");
                sb.append('\'').append(e.getKey()).append("' (").append(e.getValue().size()).append(" files, e.g. ")
                        .append(folder.relativize(e.getValue().get(0).file())).append(')');
            }
            throw new KaryoInputException(folder, sb.append("; scan one plate's folder at a time").toString());
        }
        return byPlate.keySet().iterator().next();
    }

    private static void checkSiteNaming(Path folder, List<PlateImage> images) throws KaryoInputException {
        PlateImage with = null;
        PlateImage without = null;
        for (PlateImage img : images) {
            if (img.name().siteInName()) with = with == null ? img : with;
            else without = without == null ? img : without;
        }
        if (with != null && without != null) {
            throw new KaryoInputException(folder, "file names mix with and without a site number: "
                    + folder.relativize(with.file()) + " and " + folder.relativize(without.file()));
        }
    }

    private static void checkDuplicates(Path folder, List<PlateImage> images) throws KaryoInputException {
        Map<List<Object>, PlateImage> seen = new HashMap<>();
        for (PlateImage img : images) {
            PlateImage other = seen.putIfAbsent(List.of(img.position(), img.zStep()), img);
            if (other != null) {
                throw new KaryoInputException(folder, "two files for " + img.position()
                        + (img.zStep() != 1 ? " z step " + img.zStep() : "") + ": "
                        + folder.relativize(other.file()) + " and " + folder.relativize(img.file()));
            }
        }
    }

    /** Every imaged well must have every site, channel, time point and z step that any image has. */
    private static void checkComplete(Path folder, List<PlateImage> images) throws KaryoInputException {
        TreeSet<Well> wells = new TreeSet<>();
        TreeSet<Integer> sites = new TreeSet<>();
        TreeSet<Integer> channels = new TreeSet<>();
        TreeSet<Integer> times = new TreeSet<>();
        TreeSet<Integer> zs = new TreeSet<>();
        Map<List<Object>, PlateImage> present = new HashMap<>();
        // Where files of a (time point, z step) live, to name a missing file in the folder it belongs in.
        Map<List<Integer>, Path> folderOf = new HashMap<>();
        for (PlateImage img : images) {
            wells.add(img.name().well());
            sites.add(img.name().site());
            channels.add(img.name().channel());
            times.add(img.timePoint());
            zs.add(img.zStep());
            present.put(List.of(img.position(), img.zStep()), img);
            folderOf.putIfAbsent(List.of(img.timePoint(), img.zStep()), img.file().getParent());
        }
        ImageName sample = images.get(0).name();
        List<String> missing = new ArrayList<>();
        for (Well w : wells) {
            for (int s : sites) {
                for (int t : times) {
                    for (int z : zs) {
                        for (int c : channels) {
                            PlateImage.SiteChannel pos = new PlateImage.SiteChannel(w, s, c, t);
                            if (!present.containsKey(List.of(pos, z))) {
                                ImageName expected = new ImageName(sample.plate(), w, s, sample.siteInName(), c, "");
                                Path dir = folderOf.get(List.of(t, z));
                                Path where = dir != null ? dir : zs.size() > 1
                                        ? folder.resolve("TimePoint_" + t).resolve("ZStep_" + z)
                                        : folder.resolve("TimePoint_" + t);
                                missing.add(folder.relativize(where.resolve(expected.canonicalFileName())).toString());
                            }
                        }
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new KaryoInputException(folder, "incomplete plate " + sample.plate() + ": missing " + missing.get(0)
                    + (missing.size() > 1 ? " and " + (missing.size() - 1) + " more" : "")
                    + " (" + wells.size() + " wells x " + sites.size() + " sites x " + channels.size() + " channels x "
                    + times.size() + " time points x " + zs.size() + " z steps expected)");
        }
    }
}
