package io.ztrade.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * VADER's compound score of a short social-media text, in [-1, 1]: the lexicon valences of its words, adjusted by
 * VADER's rules (boosters and dampeners up to three words before, negation flips by -0.74, ALL-CAPS emphasis in
 * mixed-case text, "but" shifting weight to what follows, ! and ? emphasis), summed and normalised by
 * {@code x / sqrt(x^2 + 15)}. A compact port of the published algorithm (Hutto and Gilbert, 2014) with its lexicon;
 * see {@code src/main/resources/sentiment/README.md}. Idioms and emoji descriptions are left out.
 */
public class VaderScorer {

    static final double B_INCR = 0.293;
    static final double B_DECR = -0.293;
    static final double C_INCR = 0.733;
    static final double N_SCALAR = -0.74;
    static final double ALPHA = 15;

    static final Set<String> NEGATIONS = Set.of("aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
            "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt",
            "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt",
            "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh",
            "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt",
            "won't", "wouldn't", "rarely", "seldom", "despite");

    static final Map<String, Double> BOOSTERS = new HashMap<>();

    static {
        for (String w : List.of("absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly",
                "deeply", "effing", "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme",
                "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking", "fricking", "frickin", "frigging",
                "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
                "incredible", "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely", "quite",
                "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally", "tremendous", "tremendously",
                "uber", "unbelievably", "unusually", "utter", "utterly", "very")) {
            BOOSTERS.put(w, B_INCR);
        }
        for (String w : List.of("almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less",
                "little", "marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely", "slight",
                "slightly", "somewhat", "sort of", "sorta", "sortof", "sort-of")) {
            BOOSTERS.put(w, B_DECR);
        }
    }

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final Map<String, Double> lexicon;

    public VaderScorer() {
        Map<String, Double> words = new HashMap<>();
        load("sentiment/vader_lexicon.txt", words, false);
        load("sentiment/finance_lexicon.txt", words, true);
        this.lexicon = Map.copyOf(words);
    }

    /** The compound score; 0 for a text without a scored word. */
    public double compound(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        List<String> words = tokens(text);
        boolean capDifferential = capDifferential(words);
        double[] sentiments = new double[words.size()];
        for (int i = 0; i < words.size(); i++) {
            String lower = words.get(i).toLowerCase(Locale.ROOT);
            boolean kindOf = lower.equals("kind") && i + 1 < words.size()
                    && words.get(i + 1).toLowerCase(Locale.ROOT).equals("of");
            if (kindOf || BOOSTERS.containsKey(lower)) {
                continue;
            }
            Double valence = lexicon.get(lower);
            if (valence == null) {
                continue;
            }
            sentiments[i] = valence(words, i, valence, capDifferential);
        }
        butCheck(words, sentiments);
        double sum = 0;
        for (double s : sentiments) {
            sum += s;
        }
        if (sum == 0) {
            return 0;
        }
        double emphasis = punctuationEmphasis(text);
        sum += sum > 0 ? emphasis : -emphasis;
        double compound = sum / Math.sqrt(sum * sum + ALPHA);
        return Math.max(-1, Math.min(1, compound));
    }

    private double valence(List<String> words, int i, double base, boolean capDifferential) {
        double valence = base;
        String word = words.get(i);
        if (capDifferential && isAllCaps(word)) {
            valence += valence > 0 ? C_INCR : -C_INCR;
        }
        for (int back = 1; back <= 3 && i - back >= 0; back++) {
            String before = words.get(i - back);
            String beforeLower = before.toLowerCase(Locale.ROOT);
            if (lexicon.containsKey(beforeLower) && !BOOSTERS.containsKey(beforeLower)) {
                // a sentiment word does not boost its neighbour; negations still reach across it below
            } else {
                double scalar = boost(before, valence, capDifferential);
                valence += back == 1 ? scalar : back == 2 ? scalar * 0.95 : scalar * 0.9;
            }
            if (isNegated(beforeLower)) {
                valence *= N_SCALAR;
            }
        }
        // two-word dampeners such as "kind of" and "sort of" just before the word
        if (i >= 2) {
            String bigram = words.get(i - 2).toLowerCase(Locale.ROOT) + " " + words.get(i - 1).toLowerCase(Locale.ROOT);
            Double scalar = BOOSTERS.get(bigram);
            if (scalar != null) {
                valence += valence > 0 ? scalar : -scalar;
            }
        }
        return valence;
    }

    private static double boost(String word, double valence, boolean capDifferential) {
        Double scalar = BOOSTERS.get(word.toLowerCase(Locale.ROOT));
        if (scalar == null) {
            return 0;
        }
        double s = valence < 0 ? -scalar : scalar;
        if (capDifferential && isAllCaps(word)) {
            s += valence > 0 ? C_INCR : -C_INCR;
        }
        return s;
    }

    private static boolean isNegated(String lower) {
        return NEGATIONS.contains(lower) || lower.endsWith("n't");
    }

    /** Words before "but" count half, words after it one and a half. */
    private static void butCheck(List<String> words, double[] sentiments) {
        int but = -1;
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).equalsIgnoreCase("but")) {
                but = i;
                break;
            }
        }
        if (but < 0) {
            return;
        }
        for (int i = 0; i < sentiments.length; i++) {
            if (i < but) {
                sentiments[i] *= 0.5;
            } else if (i > but) {
                sentiments[i] *= 1.5;
            }
        }
    }

    private static double punctuationEmphasis(String text) {
        long exclamations = Math.min(4, text.chars().filter(c -> c == '!').count());
        long questions = text.chars().filter(c -> c == '?').count();
        double questionEmphasis = questions > 1 ? (questions <= 3 ? questions * 0.18 : 0.96) : 0;
        return exclamations * 0.292 + questionEmphasis;
    }

    /** Whitespace-split words, outer punctuation stripped unless that leaves two characters or fewer (emoticons). */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.trim().split("\\s+")) {
            String stripped = strip(raw);
            String token = stripped.length() <= 2 ? raw : stripped;
            if (token.length() > 1 || (token.length() == 1 && Character.isLetter(token.charAt(0)))) {
                out.add(token);
            }
        }
        return out;
    }

    private static String strip(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && PUNCTUATION.indexOf(token.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && PUNCTUATION.indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(start, end);
    }

    private static boolean capDifferential(List<String> words) {
        long caps = words.stream().filter(VaderScorer::isAllCaps).count();
        return caps > 0 && caps < words.size();
    }

    private static boolean isAllCaps(String word) {
        boolean letter = false;
        for (char c : word.toCharArray()) {
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    private static void load(String resource, Map<String, Double> into, boolean override) {
        try (InputStream in = VaderScorer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("sentiment lexicon " + resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String[] parts = line.split("\t");
                if (parts.length >= 2 && !parts[0].isBlank()) {
                    double value = Double.parseDouble(parts[1].trim());
                    String key = parts[0].trim().toLowerCase(Locale.ROOT);
                    if (override) {
                        into.put(key, value);
                    } else {
                        into.putIfAbsent(key, value);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sentiment lexicon " + resource, e);
        }
    }
}
